import { describe, expect, it } from 'vitest';
import { AnswerOrder } from '../../../renderer/src/ui/answer-order';

// The draft list is asked again on every save and change event. On a busy machine the next
// question goes out before the last answer is back: that answer must still be shown (the list
// would otherwise never update while changes keep coming), and an older answer never replaces a
// newer one.
describe('the order of the draft list answers', () => {
  it('shows an answer that comes back after the list was asked again', () => {
    const order = new AnswerOrder();
    const first = order.ask();
    const second = order.ask();
    expect(order.take(first)).toBe(true);
    expect(order.isLatest(first)).toBe(false);
    expect(order.take(second)).toBe(true);
    expect(order.isLatest(second)).toBe(true);
  });

  it('never lets an older answer replace a newer one', () => {
    const order = new AnswerOrder();
    const first = order.ask();
    const second = order.ask();
    expect(order.take(second)).toBe(true);
    expect(order.take(first)).toBe(false);
  });
});
