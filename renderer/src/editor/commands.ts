import { createCommand, type LexicalCommand } from 'lexical';

/** Opens the link editor on the current selection (toolbar button, Ctrl/Cmd+K). */
export const OPEN_LINK_EDITOR_COMMAND: LexicalCommand<void> = createCommand('OPEN_LINK_EDITOR_COMMAND');

/** Opens the Insert embed dialog at the selection (toolbar button, Ctrl/Cmd+Shift+E). */
export const OPEN_EMBED_DIALOG_COMMAND: LexicalCommand<void> = createCommand('OPEN_EMBED_DIALOG_COMMAND');
