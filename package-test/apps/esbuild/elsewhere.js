// The model and wasm files copied to /vendor/ instead of beside the bundle: the two settings that say so.
import { setWasmPath } from 'mobilenet-classifier';
import 'mobilenet-classifier/define';

setWasmPath('/vendor/wasm/');
