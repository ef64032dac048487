// The README's plain-HTML example imports `./session.js`, the integrator's own sign-in. This one
// signs in at the test's simulator, and stands in for the integrator's reverse proxy: the
// example's `base-url="/cc"` becomes the simulator's origin (set before the example sets
// `agent-id`, so nothing is asked of "/cc"). `?signInAfter=ms` makes the page's first sign-in
// that late, as a slow desktop sign-in is.
import { params, signIn as simSignIn, simUrl } from './common.js';

document.querySelector('cec-call-panel').setAttribute('base-url', simUrl);

let first = true;
export async function signIn() {
  if (first && params.get('signInAfter')) await new Promise((resolve) => setTimeout(resolve, Number(params.get('signInAfter'))));
  first = false;
  return simSignIn();
}
