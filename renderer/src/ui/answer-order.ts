/**
 * Numbers the queries of a list that is asked again whenever something changes. An answer is shown
 * unless a newer one already was, so the list never goes back in time; and an answer that comes
 * back after the list was asked again is still shown. Dropping such answers would starve the list
 * on a busy machine, where saves and change events come faster than main answers.
 */
export class AnswerOrder {
  private asked = 0;
  private shown = 0;

  /** A query is sent: its number. */
  ask(): number {
    this.asked += 1;
    return this.asked;
  }

  /** The answer to query `number` came back: whether to show it (it is then the one shown). */
  take(number: number): boolean {
    if (number <= this.shown) return false;
    this.shown = number;
    return true;
  }

  /** No query sent after this one: once its answer is shown, the list is up to date. */
  isLatest(number: number): boolean {
    return number === this.asked;
  }
}
