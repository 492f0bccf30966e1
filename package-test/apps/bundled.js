// The app's whole code, built by webpack, Rollup and esbuild: the package's define entry.
import 'mobilenet-classifier/define';
