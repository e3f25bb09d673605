// `npm run bench`: every benchmark of the app, each printing its figures next to a target and a
// baseline measured in the same run. Figures are printed, never asserted.
import { runBigStoryBench } from './big-story-bench';
import { runBoardBench } from './board-bench';
import { printPropagationSummary, runDeskBench } from './desk-bench';
import { runDeskPhotosBench } from './desk-photos-bench';
import { runBudgetBench } from './budget-bench';
import { printDeskBoardBench } from './desk-board-bench';
import { printDeskStatusBench } from './desk-status-bench';
import { runDraftBench } from './drafts-bench';
import { runGhostPublishBench } from './ghost-publish-bench';
import { runMediaBench } from './media-bench';
import { runPublishBench } from './publish-bench';
import { runReconnectBench } from './reconnect-bench';
import { runRevisionCompareBench } from './revision-compare-bench';
import { runSiteImportBench } from './site-import-bench';
import { runStoryFindBench } from './story-find-bench';
import { runTypingBench } from './typing-bench';

await runDraftBench();
await runBigStoryBench();
await runTypingBench();
await runStoryFindBench();
runRevisionCompareBench();
await runMediaBench();
await runBoardBench();
await runBudgetBench();
await runPublishBench();
await runGhostPublishBench();
await runSiteImportBench();
const desk = await runDeskBench();
await runDeskPhotosBench();
await printDeskBoardBench();
await printDeskStatusBench();
await runReconnectBench();

// The desk's headline figure again, so it is not lost among the desk bench's other lines.
console.log('\nShared desk');
printPropagationSummary(desk);
