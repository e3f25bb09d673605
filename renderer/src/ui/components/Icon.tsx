import type { JSX } from 'react';

/** Stroke icons on a 20×20 grid, drawn in currentColor so they follow the button's state. */
export const ICON_PATHS = {
  undo: 'M7 5 3 9l4 4M3.5 9H12a4.5 4.5 0 0 1 0 9H9',
  redo: 'm13 5 4 4-4 4M16.5 9H8a4.5 4.5 0 0 0 0 9h3',
  link: 'M8.5 11.5a3.5 3.5 0 0 0 5 0l2.5-2.5a3.5 3.5 0 0 0-5-5L10 5m1.5 3.5a3.5 3.5 0 0 0-5 0L4 11a3.5 3.5 0 0 0 5 5l1-1',
  bullet: 'M8 5h9M8 10h9M8 15h9M3.5 5h.01M3.5 10h.01M3.5 15h.01',
  number: 'M8 5h9M8 10h9M8 15h9M3 3.5h1.2v3.5M3 13.5c0-.8.6-1.2 1.2-1.2s1.2.4 1.2 1.1c0 1-2.4 1.8-2.4 3.1h2.5',
  quote: 'M4 14V9.5C4 7 5.5 5.5 8 5M11 14V9.5C11 7 12.5 5.5 15 5M4 10h3.5v4H4zM11 10h3.5v4H11z',
  pullquote: 'M3 3.5h14M3 16.5h14M5 12.5V10c0-1.5.8-2.6 2.4-3M10.5 12.5V10c0-1.5.8-2.6 2.4-3M5 9.8h2.4v2.7H5zM10.5 9.8h2.4v2.7h-2.4z',
  hr: 'M2.5 10h15M4.5 6V4h11v2M4.5 14v2h11v-2',
  plus: 'M10 4v12M4 10h12',
  copy: 'M7 7h9v9H7zM4 13V4h9',
  share: 'M10 12.5V3M6.5 6.5 10 3l3.5 3.5M5 10H4v7h12v-7h-1',
  trash: 'M4 6h12M8 6V4h4v2M6 6l.8 10h6.4L14 6',
  restore: 'M4 10a6 6 0 1 0 1.8-4.3M4 3.5v3h3',
  history: 'M10 6v4l2.5 2.5M3.5 10a6.5 6.5 0 1 0 1.9-4.6M3.5 3.5v3h3',
  search: 'M13 13l4 4M8.5 14a5.5 5.5 0 1 1 0-11 5.5 5.5 0 0 1 0 11z',
  close: 'M5 5l10 10M15 5 5 15',
  warning: 'M10 3 2.5 16.5h15zM10 8v4M10 14.5h.01',
  user: 'M10 10a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7zM3.5 17c.8-3 3.3-4.5 6.5-4.5s5.7 1.5 6.5 4.5',
  inbox: 'M3 11h4l1 2h4l1-2h4M3 11l2-6h10l2 6v5H3z',
  pin: 'M7 3h6M8 3v5L5 11h10l-3-3V3M10 11v6',
  clock: 'M10 17a7 7 0 1 0 0-14 7 7 0 0 0 0 14zM10 6v4l2.5 2',
  eye: 'M2 10s3-5.5 8-5.5S18 10 18 10s-3 5.5-8 5.5S2 10 2 10zM10 12.3a2.3 2.3 0 1 0 0-4.6 2.3 2.3 0 0 0 0 4.6z',
  pencil: 'M13.5 3.5l3 3L7 16H4v-3zM11.5 5.5l3 3',
  more: 'M5 10h.01M10 10h.01M15 10h.01',
  play: 'M7.5 5.5v9l7-4.5z',
  article: 'M5 3h10v14H5zM7.5 7h5M7.5 10h5M7.5 13h3',
  feeds: 'M3 4h4v12H3zM8.5 4h4v8h-4zM14 4h3v10h-3z',
  settings: 'M4 6h12M4 14h12M7 4v4M13 12v4',
  preview: 'M3 4h14v12H3zM3 7.5h14M6 10.5h5M6 13h8',
} as const;

export type IconName = keyof typeof ICON_PATHS;

export function Icon({ name, size = 18 }: { name: IconName; size?: number }): JSX.Element {
  return (
    <svg
      className="nd-icon"
      width={size}
      height={size}
      viewBox="0 0 20 20"
      fill="none"
      stroke="currentColor"
      strokeWidth={name === 'more' ? 2.6 : 1.6 /* dots need a heavier stroke to read */}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={ICON_PATHS[name]} />
    </svg>
  );
}
