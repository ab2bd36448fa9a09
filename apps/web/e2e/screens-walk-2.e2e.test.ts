import { describeScreensWalk } from './screens-walk.js';

// The screens walk, second half of the roles (screens-walk.ts); the first is screens-walk-1.e2e.test.ts.
describeScreensWalk(['commander', 'auditor', 'duty-regional']);
