/**
 * The mark the sanitizer leaves where a pasted <img> stood: its index among the pasted document's
 * images between two Unicode "interlinear annotation" characters, which no story's text uses and
 * which do no harm if a pasted text carries them (they are only removed). See picture-slots.ts.
 * Apart from picture-slots.ts so the sanitizer needs nothing of the editor's nodes.
 */
export const MARK_START = '\uFFF9';
const MARK_END = '\uFFFB';
export const MARK_PATTERN = /\uFFF9(\d{1,4})\uFFFB/g;

export const pictureMark = (index: number): string => `${MARK_START}${index}${MARK_END}`;
