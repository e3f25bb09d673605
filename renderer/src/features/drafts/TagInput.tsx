import { ChipInput } from '../../ui/components/ChipInput';

/** The article's tags (at most 50, 80 characters each, as the article schema allows). */
export function TagInput({ tags, onChange }: { tags: string[]; onChange: (tags: string[]) => void }) {
  return <ChipInput items={tags} onChange={onChange} label="Add a tag" noun="tag" maxItems={50} maxLength={80} />;
}
