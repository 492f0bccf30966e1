/** Registers `<mobilenet-classifier>`. Import this once, for its side effect. */
import './components/mobilenet-classifier/mobilenet-classifier';
