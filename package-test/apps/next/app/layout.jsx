export const metadata = { title: 'mobilenet-classifier from npm, Next.js' };

export default function RootLayout({ children }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
