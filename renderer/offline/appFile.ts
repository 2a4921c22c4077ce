/**
 * Reads a JSON file of the app itself (the texts, the shipped flows): built beside the scripts and
 * precached by the service worker, so it is there offline. Not a request to the center's server
 * (those go through renderer/sync/apiClient.ts): null when the file does not come or is not JSON,
 * and the caller falls back to its copy inside the scripts.
 */
export async function readAppJson(url: string | URL): Promise<unknown> {
  try {
    const answer = await fetch(url);
    return answer.ok ? ((await answer.json()) as unknown) : null;
  } catch {
    return null;
  }
}
