'use client';
// A client component: Next.js renders it on the server too (so the package must import in Node),
// then hydrates it in the browser, where define registers the element.
import 'mobilenet-classifier/define';

export function Classifier() {
  return <mobilenet-classifier src="/test-image.jpg" top-k="3" />;
}
