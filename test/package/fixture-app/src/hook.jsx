// An integrator who uses only the data layer: `useCallInfo` and their own markup. Its bundle must
// hold none of the package's components, styles or simulator (smoke.mjs checks it).
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useCallInfo } from 'cec-call-panel';
import { StrictMode, version } from 'react';
import { createRoot } from 'react-dom/client';

const AGENT_ID = '60015';
const CALLER = '13800138000';
const startedAt = Date.now() - 30_000;

/** The gateway's answer for one call in conversation (a stand-in: this app has no server). */
const gatewayFetch = async () =>
  new Response(
    JSON.stringify({
      retcode: '0',
      message: '',
      result: {
        callfeature: 0,
        callid: '1764000000-101',
        caller: CALLER,
        called: AGENT_ID,
        callskill: 'voice',
        callskillid: 20011,
        begintime: startedAt,
        endtime: null,
        mediaType: 5,
        trace: { talkBeginTime: startedAt, deviceType: 2, deviceNo: 2005, callDirectMode: 'NORMAL_DIRECT' },
      },
    }),
    { headers: { 'Content-Type': 'application/json;charset=UTF-8' } },
  );

function CurrentCaller() {
  const { callInfo, error } = useCallInfo({ agentId: AGENT_ID, guid: 'smoke-guid', fetch: gatewayFetch });
  let text = 'loading';
  if (error) text = `error: ${error.kind}`;
  else if (callInfo === null) text = 'no call';
  else if (callInfo) text = `caller ${callInfo.caller}`;
  return <output id="caller">{text}</output>;
}

const container = document.getElementById('root');
if (!container) throw new Error('#root is missing');
document.documentElement.dataset.reactVersion = version;

createRoot(container).render(
  <StrictMode>
    <QueryClientProvider client={new QueryClient()}>
      <CurrentCaller />
    </QueryClientProvider>
  </StrictMode>,
);
