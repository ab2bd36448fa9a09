import type { ChecklistDefinition } from '@firebreak/contracts';

/**
 * The checklists every deployment starts with, written from public guidance (see
 * docs/checklists.md for the sources of each). Items paraphrase the guidance; they are a
 * starting point that each jurisdiction adapts by publishing a new version.
 */
type Item = Omit<ChecklistDefinition['sections'][number]['items'][number], 'mandatory' | 'weight' | 'severity'> & Partial<Pick<ChecklistDefinition['sections'][number]['items'][number], 'mandatory' | 'weight' | 'severity'>>;
type Starter = Omit<ChecklistDefinition, 'sections'> & { sections: { key: string; title: string; items: Item[] }[] };

const yes = (key: string, text: string, severity: 'general' | 'major' = 'general', weight = 1): Item => ({ key, text, answerType: 'yes_no', severity, weight });

export const STARTER_TEMPLATES: Starter[] = [
  {
    key: 'fire_safety',
    title: 'Fire safety inspection',
    categories: ['school', 'kindergarten', 'hospital', 'crowded_place', 'fuel_station', 'hazardous_chemicals', 'explosives_magazine', 'fire_station', 'police_station', 'other'],
    source: 'NFPA 10 (portable fire extinguishers: monthly inspection); NFPA 101 Life Safety Code (means of egress, emergency lighting, drills); HM Government "Fire safety risk assessment" guides (2006); PRC Ministry of Public Security Order No. 61 (2001), fire safety management of organisations.',
    sections: [
      { key: 'egress', title: 'Escape routes and exits', items: [
        yes('exits_unobstructed', 'Escape routes and final exits are free of obstructions and storage', 'major', 3),
        yes('exits_unlocked', 'Exit doors can be opened from inside without a key while the building is occupied', 'major', 3),
        yes('exit_signs', 'Exit signs are in place, visible and lit'),
        yes('emergency_lighting', 'Emergency lighting works when tested'),
        yes('fire_doors_closed', 'Fire doors close fully by themselves and are not wedged open', 'general', 2),
      ] },
      { key: 'equipment', title: 'Fire equipment', items: [
        yes('extinguishers_present', 'Portable extinguishers are at their marked places and unobstructed', 'general', 2),
        yes('extinguishers_inspected', 'Each extinguisher has a monthly inspection record and is charged (gauge in the green)'),
        yes('alarm_tested', 'The fire alarm has been tested within the required interval and works', 'major', 2),
        yes('hydrants_accessible', 'Hydrants, risers and fire-brigade access routes are clear'),
      ] },
      { key: 'management', title: 'Management', items: [
        yes('risk_assessment', 'A written fire risk assessment exists and has been reviewed within the last year'),
        { key: 'last_drill_days', text: 'Days since the last evacuation drill', answerType: 'number', min: 0, max: 180, weight: 1, severity: 'general' },
        yes('electrical_safe', 'No overloaded sockets, damaged cables or improvised wiring seen'),
        { key: 'remarks', text: 'Remarks', answerType: 'text', mandatory: false, weight: 0 },
      ] },
    ],
  },
  {
    key: 'campus_safety',
    title: 'Campus safety (schools and kindergartens)',
    categories: ['school', 'kindergarten'],
    source: 'U.S. Department of Education et al., "Guide for Developing High-Quality School Emergency Operations Plans" (2013); NFPA 101 Life Safety Code, educational and day-care occupancies (drills, egress); PRC Ministry of Education Order No. 23 (2006), "Measures for the Safety Management of Primary and Secondary Schools and Kindergartens".',
    sections: [
      { key: 'access', title: 'Access and supervision', items: [
        yes('visitor_control', 'Visitors are checked in at a single controlled entrance', 'general', 2),
        yes('perimeter_intact', 'Fences, gates and the perimeter are intact'),
        yes('pickup_procedure', 'A procedure controls who may collect children, and staff follow it', 'general', 2),
      ] },
      { key: 'buildings', title: 'Buildings and grounds', items: [
        yes('structure_sound', 'No visible structural damage (cracks, sagging, loose facade parts)', 'major', 3),
        yes('railings_windows', 'Railings, balconies and upper-floor windows protect against falls', 'major', 2),
        yes('playground_safe', 'Playground equipment is undamaged and its surfacing absorbs falls'),
        yes('chemicals_locked', 'Cleaning and laboratory chemicals are locked away from pupils', 'general', 2),
      ] },
      { key: 'preparedness', title: 'Emergency preparedness', items: [
        yes('emergency_plan', 'A written emergency operations plan exists and staff know their roles', 'general', 2),
        yes('drills_held', 'Evacuation and lockdown drills are held and recorded each term'),
        yes('first_aid', 'First-aid kits are stocked and trained first-aiders are on site'),
        { key: 'pupils_present', text: 'Pupils present during the inspection', answerType: 'number', min: 0, weight: 0, mandatory: false },
      ] },
      { key: 'traffic', title: 'Traffic around the campus', items: [
        yes('crossing_safe', 'The crossing in front of the entrance is marked and, at peak times, supervised'),
        { key: 'drop_off', text: 'Drop-off and pick-up arrangement', answerType: 'choice', options: ['separate bay', 'on street, supervised', 'on street, unsupervised'], failing: ['on street, unsupervised'] },
      ] },
    ],
  },
  {
    key: 'road_traffic_safety',
    title: 'Road traffic safety (black spots)',
    categories: ['road_black_spot'],
    source: 'Directive 2008/96/EC on road infrastructure safety management, as amended by Directive (EU) 2019/1936 (road safety inspections); PIARC Road Safety Manual; iRAP road attribute coding for star ratings.',
    sections: [
      { key: 'geometry', title: 'Layout and visibility', items: [
        yes('sight_distance', 'Sight distance at the junction or bend is sufficient for the speed driven', 'major', 3),
        yes('vegetation_clear', 'Vegetation and objects do not block signs or sight lines'),
        yes('surface_sound', 'The road surface is free of potholes, ruts and slippery patches', 'general', 2),
      ] },
      { key: 'control', title: 'Signs, markings and speed', items: [
        yes('signs_present', 'Warning and speed-limit signs are present, legible and retroreflective', 'general', 2),
        yes('markings_visible', 'Lane markings and crossings are visible by day and night'),
        { key: 'speed_limit_kmh', text: 'Posted speed limit (km/h)', answerType: 'number', min: 0, max: 120, weight: 0, mandatory: false },
      ] },
      { key: 'protection', title: 'Protection of road users', items: [
        yes('barriers_intact', 'Safety barriers and their terminals are intact where there is a drop or hazard', 'major', 3),
        yes('pedestrian_facilities', 'Pedestrians have a footway or a protected crossing'),
        yes('lighting_works', 'Street lighting works at the spot'),
      ] },
    ],
  },
  {
    key: 'hazardous_chemicals',
    title: 'Hazardous chemicals: storage, loading, unloading and transport',
    categories: ['hazardous_chemicals', 'fuel_station', 'explosives_magazine'],
    source: 'UK HSE HSG71 "Chemical warehousing: the storage of packaged dangerous substances"; OSHA 29 CFR 1910.106, flammable liquids; ADR, the European Agreement concerning the International Carriage of Dangerous Goods by Road; PRC State Council Decree No. 591 (2011), "Regulations on the Safe Management of Hazardous Chemicals".',
    sections: [
      { key: 'storage', title: 'Storage', items: [
        yes('segregation', 'Incompatible substances are stored apart (oxidisers away from flammables)', 'major', 3),
        yes('bunding', 'Tanks and drums stand in bunds that could hold a spill, and the bunds are empty of rain and waste', 'major', 2),
        yes('labels_sds', 'Containers are labelled and current safety data sheets are at hand', 'general', 2),
        yes('quantities_permitted', 'Quantities stored do not exceed what the permit allows', 'major', 3),
        yes('ignition_control', 'No ignition sources in flammable storage areas; "no smoking" is enforced', 'major', 2),
      ] },
      { key: 'handling', title: 'Loading and unloading', items: [
        yes('earthing', 'Tankers are earthed (bonded) before transfer of flammable liquids', 'major', 3),
        yes('attended_transfer', 'Every transfer is attended from start to finish'),
        yes('spill_kit', 'A spill kit and absorbents are at the transfer point'),
        yes('emergency_stop', 'Pumps have a reachable, working emergency stop', 'general', 2),
      ] },
      { key: 'transport', title: 'Vehicles and drivers', items: [
        yes('adr_documents', 'Transport documents and instructions in writing are carried'),
        yes('placards', 'The vehicle shows the orange plates and placards for its load'),
        yes('driver_certificate', 'The driver holds a valid dangerous-goods training certificate', 'major', 2),
      ] },
      { key: 'emergency', title: 'Emergency readiness', items: [
        yes('gas_detection', 'Gas or vapour detection is installed where required and has been tested', 'major', 2),
        yes('emergency_plan', 'An on-site emergency plan exists and the nearest fire station has a copy'),
        { key: 'largest_tank_m3', text: 'Largest tank on site (m³)', answerType: 'number', min: 0, weight: 0, mandatory: false },
      ] },
    ],
  },
];
