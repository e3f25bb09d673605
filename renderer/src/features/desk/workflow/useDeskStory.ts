import { useSharedStories } from '../useSharedStories';
import { useStoryWorkflow, type StoryWorkflow } from './useStoryWorkflow';

export interface DeskStory {
  /** The story is on the desk: its status is the desk's, moved through the desk's workflow. */
  deskStory: boolean;
  story: StoryWorkflow;
}

/**
 * Whether a story is a desk story, and its workflow. The desk's answer says so while connected;
 * offline, the last list of shared stories does, so a desk story never falls back to a local
 * status that the desk would then overrule.
 */
export function useDeskStory(articleId: string): DeskStory {
  const story = useStoryWorkflow(articleId);
  const shared = useSharedStories();
  return { deskStory: story.workflow !== null || shared.ids.has(articleId), story };
}
