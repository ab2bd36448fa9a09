export { goodsRoutes } from './goods.routes.js';
export { sweepLicences } from './sweep-licences.js';
export { goodsNear } from './goods.queries.js';
export { ensureDemoGoods } from './demo-goods.js';
export { sweepTransports } from './watch-transport.js';
export { startTransportMqttIngest } from './transport-mqtt.js';
export { reconcileInspectionCounts } from './reconcile-stock.js';
