/**
 * Stops long work between its steps once the caller cancelled, with the domain's own "cancelled"
 * error: the photo import records an ImportCancelled as a cancelled item, the outbox a
 * PublishError('local') as a stopped job. Checked between steps, since a step under way (a copy,
 * an upload) ends or cleans up by itself through the same signal.
 */
export function checkCancelled(signal: AbortSignal, cancelled: () => Error): void {
  if (signal.aborted) throw cancelled();
}
