import tokensCss from '../../src/theme/tokens.css?raw';
import { COMPONENT_PARTS, parseTokens } from './themeReference';

/** Text with `code` spans, as the reference's descriptions write them. */
function withCode(text: string) {
  return text.split('`').map((piece, index) => (index % 2 === 1 ? <code key={index}>{piece}</code> : piece));
}

/** Every `--cip-*` token, read from `src/theme/tokens.css` itself: light, dark and compact values. */
export function TokenTable() {
  const tokens = parseTokens(tokensCss);
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">Token</th>
          <th scope="col">Default (light, comfortable)</th>
          <th scope="col">Dark</th>
          <th scope="col">Compact</th>
        </tr>
      </thead>
      <tbody>
        {tokens.map((token) => (
          <tr key={token.name}>
            <td>
              <code>{token.name}</code>
            </td>
            <td>
              <code>{token.value}</code>
            </td>
            <td>{token.dark === undefined ? '' : <code>{token.dark}</code>}</td>
            <td>{token.compact === undefined ? '' : <code>{token.compact}</code>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Every part of every component: its `classNames` key and its stable class. */
export function PartsTable() {
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">Component</th>
          <th scope="col">
            <code>classNames</code> key
          </th>
          <th scope="col">Stable class</th>
          <th scope="col">What it is</th>
        </tr>
      </thead>
      <tbody>
        {COMPONENT_PARTS.flatMap(({ component, parts }) =>
          Object.entries(parts).map(([part, description]) => (
            <tr key={`${component}-${part}`}>
              <td>{component}</td>
              <td>
                <code>{part}</code>
              </td>
              <td>
                <code>{`cip-${component}-${part}`}</code>
              </td>
              <td>{withCode(description)}</td>
            </tr>
          )),
        )}
      </tbody>
    </table>
  );
}
