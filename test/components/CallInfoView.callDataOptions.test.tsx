import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CallInfoView } from '../../src/components';
import { makeCall } from '../fixtures/callInfos';

const b64 = (text: string) => btoa(String.fromCharCode(...new TextEncoder().encode(text)));

describe('CallInfoView passes the call data options on', () => {
  it('reads positional call data with the host\'s names, labels and links', () => {
    const call = makeCall({ callData: 'A-1001,zh,,3' });
    render(
      <CallInfoView
        callInfo={call}
        status="live"
        sections={['callData']}
        callDataFields={['accountId', 'lang', 'menu']}
        callDataLabels={{ accountId: 'Account' }}
        callDataLinks={{ accountId: (id) => `https://crm.example/accounts/${id}` }}
      />,
    );
    const link = screen.getByRole('link', { name: /A-1001/ });
    expect(link.getAttribute('href')).toBe('https://crm.example/accounts/A-1001');
    const keys = [...document.querySelectorAll('.cip-CallDataView-key')].map((key) => key.textContent);
    expect(keys).toEqual(['Account', 'lang', 'Field 4']);
  });

  it('decodes Base64 call data, and hides it when it decodes to nothing', () => {
    const { rerender } = render(
      <CallInfoView callInfo={makeCall({ callData: b64('tier=gold;lang=zh') })} status="live" sections={['callData']} callDataEncoding="base64" />,
    );
    expect([...document.querySelectorAll('.cip-CallDataView-key')].map((key) => key.textContent)).toEqual(['tier', 'lang']);
    rerender(<CallInfoView callInfo={makeCall({ callData: b64('   ') })} status="live" sections={['callData']} callDataEncoding="base64" />);
    expect(document.querySelector('[data-section="callData"]')).toBeNull();
  });

  it('puts none of them on the panel root as attributes', () => {
    const { container } = render(
      <CallInfoView callInfo={makeCall()} status="live" callDataFields={['a']} callDataLabels={{}} callDataLinks={{}} callDataEncoding="base64" />,
    );
    const root = container.querySelector('section')!;
    expect([...root.attributes].map((attribute) => attribute.name).filter((name) => /calldata/i.test(name))).toEqual([]);
  });
});
