/** Fetches a file as a Blob in the page (test images are routed from ../shared by the fixture). */
export async function fetchBlob(url: string): Promise<Blob> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.blob();
}
