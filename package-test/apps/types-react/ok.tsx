// React 19 JSX with the package's generated types: type-checks (package-test/package.spec.ts).
import type { MobilenetClassifierProps } from 'mobilenet-classifier/react';
import 'mobilenet-classifier/define';

const props: MobilenetClassifierProps = { backend: 'wasm' };

export function Classifier({ onLabel }: { onLabel: (label: string) => void }) {
  return (
    <mobilenet-classifier
      {...props}
      top-k={3}
      onmobilenet-result={(event) => onLabel(event.detail.result.predictions[0].label)}
    />
  );
}
