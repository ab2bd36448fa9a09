import { describeScreensWalk } from './screens-walk.js';

// The screens walk, first half of the roles (screens-walk.ts); the second is screens-walk-2.e2e.test.ts.
describeScreensWalk(['administrator', 'dispatcher', 'inspector', 'duty-municipal']);
