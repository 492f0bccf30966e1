// A server component page (App Router) that renders the element through a client component.
import { Classifier } from './classifier';

export default function Page() {
  return (
    <main>
      <h1>Next.js</h1>
      <Classifier />
    </main>
  );
}
