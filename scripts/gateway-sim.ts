/**
 * `npm run gateway:sim`: the simulator's command line, the same one the package ships as its
 * `cec-call-panel-sim` bin (src/simulator/cli.ts), run from the sources. `npm run gateway:sim --
 * --help` lists the options; e.g. `npm run gateway:sim -- --port 8043 --scenario video`.
 */
import { runSimulatorCli } from '../src/simulator/cli';

void runSimulatorCli(process.argv.slice(2), { command: 'npm run gateway:sim --' });
