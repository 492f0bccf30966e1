// webpack 5 with nothing but an entry and an output (mode production, as `webpack --mode production`).
import path from 'node:path';
import webpack from 'webpack';

const config = {
  mode: 'production',
  entry: '../bundled.js',
  output: { path: path.resolve('dist'), filename: 'main.js' },
};

webpack(config, (error, stats) => {
  if (error) throw error;
  // The size hints are webpack's advice for any app with a 2.5 MB asset; everything else is reported.
  const { errors, warnings } = stats.toJson({ all: false, errors: true, warnings: true });
  const reported = [...errors, ...warnings.filter((w) => !/size limit|performance recommendations/.test(w.message))];
  for (const problem of reported) console.error(problem.message);
  if (stats.hasErrors()) process.exitCode = 1;
});
