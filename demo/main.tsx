import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { useCallInfo } from '../src';

/** A stand-in gateway answering one live call, until the simulator lands. */
const startedAt = Date.now();
const fakeGateway: typeof fetch = async () =>
  new Response(
    JSON.stringify({
      retcode: '0',
      message: '',
      result: {
        callfeature: 0, callid: '1476838963-224', caller: '70004', called: '60015',
        callskill: 'voice', callskillid: 20011, begintime: startedAt, endtime: null, mediaType: 5,
        trace: { talkBeginTime: startedAt, deviceType: 2, deviceNo: 2005, callDirectMode: 'NORMAL_DIRECT' },
      },
    }),
  );

function Call() {
  const { callInfo, error } = useCallInfo({ agentId: '60015', guid: 'demo', fetch: fakeGateway });
  if (error) return <p>{error.kind}</p>;
  return <pre>{JSON.stringify(callInfo, null, 2)}</pre>;
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={new QueryClient()}>
      <Call />
    </QueryClientProvider>
  </StrictMode>,
);
