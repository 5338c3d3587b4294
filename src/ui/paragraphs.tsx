/** Plain text typed in a textarea, shown as paragraphs split at blank lines (never as HTML). */
export function Paragraphs({ text }: { text: string }) {
  const paragraphs = text
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return (
    <>
      {paragraphs.map((p, index) => (
        <p key={index}>{p}</p>
      ))}
    </>
  );
}
