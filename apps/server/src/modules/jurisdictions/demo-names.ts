/**
 * Chinese names of the demo country's jurisdictions, by OSM relation id. Liechtenstein's boundary
 * relations carry no `name:zh` (the 2015 extract, and OSM today for most of them), nor do their
 * label nodes: without this table a zh-CN screen of the demo world shows every jurisdiction in Latin
 * letters. The forms are the usual mainland transliterations (Chinese Wikipedia's). The import puts
 * them under OSM's own names, so a `name:zh-CN` in the data is kept over these.
 */
export const DEMO_JURISDICTION_NAMES: ReadonlyMap<number, Readonly<Record<string, string>>> = new Map(
  ([
    [1155955, '列支敦士登'],
    [1156142, '上地区'],
    [1156141, '下地区'],
    [1155956, '瓦杜兹'],
    [1155952, '沙恩'],
    [1155945, '特里森'],
    [1155953, '巴尔采斯'],
    [1155948, '特里森贝格'],
    [1155954, '普兰肯'],
    [1155949, '埃申'],
    [1155951, '毛伦'],
    [1155947, '甘普林'],
    [1155950, '鲁格尔'],
    [1155946, '谢伦贝格'],
  ] as const).map(([osmId, zh]) => [osmId, { 'zh-CN': zh }]),
);
