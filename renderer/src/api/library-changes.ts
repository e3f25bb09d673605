import { createContext } from 'react';

/**
 * What changed in the library this session, for the views of the other desk (both desks stay
 * mounted, so neither re-reads the library by itself when it is shown again).
 */
export interface LibraryChanges {
  /** Bumped when photos arrived in the library, whichever desk imported them. */
  arrived: number;
  /** Bumped when photo metadata or the credit style was saved in the library. */
  edited: number;
  photosArrived(): void;
  photosEdited(): void;
}

export const LibraryChangesContext = createContext<LibraryChanges>({ arrived: 0, edited: 0, photosArrived: () => {}, photosEdited: () => {} });
