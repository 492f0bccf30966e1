// A React 19 app using the element as any React user would: no wrapper, a property (topK), an
// attribute (backend) and listeners for the element's events as `on<event-name>` props.
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import 'mobilenet-classifier/define';

function App() {
  const [backend, setBackend] = useState('');
  const [top, setTop] = useState(undefined);
  return (
    <main>
      <mobilenet-classifier
        src="/test-image.jpg"
        backend="wasm"
        topK={3}
        onmobilenet-ready={(event) => setBackend(event.detail.backend)}
        onmobilenet-result={(event) => setTop(event.detail.result.predictions[0])}
      />
      <p>
        Backend: <output data-testid="backend">{backend}</output>
      </p>
      <p>
        Top prediction: <output data-testid="top">{top ? `${top.index} ${top.label}` : ''}</output>
      </p>
    </main>
  );
}

createRoot(document.getElementById('root')).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
