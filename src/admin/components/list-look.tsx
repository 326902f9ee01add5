// Generated lists break words only between words. AdminJS's table cells say `word-break: break-word`, which
// lets the browser shrink a column below its longest word: a URN read "14283 / 5", a status "Close / d".
// `overflow-wrap` still breaks a word too long for any column (an email, an id), without narrowing the others.
import React from 'react';

const LIST_LOOK = `
  .adminjs_TableCell, .adminjs_TableCell section { word-break: normal; overflow-wrap: break-word; }
  td[data-property-name="urn"] { white-space: nowrap; }
`;

export function ListLook(): React.ReactElement {
  return <style>{LIST_LOOK}</style>;
}
export default ListLook;
