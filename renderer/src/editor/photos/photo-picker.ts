import { createContext, type ComponentType } from 'react';
import type { Photo } from '../../../../shared/model/photo';

/** What the editor asks of a photo picker: a dialog that hands back one photo of the library. */
export interface PhotoPickerProps {
  open: boolean;
  title: string;
  onPick(photo: Photo): void;
  onClose(): void;
}

export type PhotoPicker = ComponentType<PhotoPickerProps>;

/**
 * The picker the toolbar opens for "Insert photo". The library's picker belongs to the photo desk,
 * a feature, and the editor imports no feature: the desk that mounts the editor passes it in
 * (ArticleEditor's required `photoPicker` prop), so a missing picker is a type error, not a dead button.
 */
export const PhotoPickerContext = createContext<PhotoPicker>(function NoPhotoPicker() {
  return null;
});
