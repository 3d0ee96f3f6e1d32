/**
 * Waits until `check` holds (polling), for what reaches another instance through the purge log or
 * happens on a timer; false when it still does not after `ms`.
 */
export async function eventually(check: () => Promise<boolean>, ms = 5000): Promise<boolean> {
  const end = Date.now() + ms;
  for (;;) {
    if (await check()) return true;
    if (Date.now() > end) return false;
    await new Promise((r) => setTimeout(r, 20));
  }
}
