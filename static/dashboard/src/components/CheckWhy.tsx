/**
 * Why Moveworks needs a check, as its page in docs/checks says it (the vendor's words,
 * the app's rule, a line of context). The text comes from the generated module, so the
 * card and the page cannot disagree; it is plain text, rendered by React (escaped),
 * with `code` spans kept.
 */
import React from 'react';
import type { DocBlock } from '../../../../src/shared/doc-blocks';
import { messages } from '../messages';
import { CHECK_DOCS_BASE_URL, CHECK_WHY } from '../model/check-why.generated';

/** "Set `X` here" → ["Set ", <code>X</code>, " here"]. */
function withCode(text: string): React.ReactNode[] {
  return text.split('`').map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : part));
}

function Block({ block }: { block: DocBlock }) {
  switch (block.kind) {
    case 'quote':
      return <blockquote className="mw-why-quote">{withCode(block.text)}</blockquote>;
    case 'list':
      return (
        <ul>
          {block.items.map((item, i) => (
            <li key={i}>{withCode(item)}</li>
          ))}
        </ul>
      );
    default:
      return <p>{withCode(block.text)}</p>;
  }
}

export function hasWhy(checkId: string): boolean {
  return (CHECK_WHY[checkId]?.length ?? 0) > 0;
}

export function CheckWhy({ checkId, id }: { checkId: string; id: string }) {
  const blocks = CHECK_WHY[checkId] ?? [];
  return (
    <div id={id} className="mw-why">
      {blocks.map((block, i) => (
        <Block key={i} block={block} />
      ))}
      {CHECK_DOCS_BASE_URL && (
        <p>
          <a href={`${CHECK_DOCS_BASE_URL}${encodeURIComponent(checkId)}.md`} target="_blank" rel="noopener noreferrer">
            {messages.project.readMore}
          </a>
        </p>
      )}
    </div>
  );
}
