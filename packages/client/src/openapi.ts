/**
 * Generated from the Firebreak server's OpenAPI document by `npm run client:generate`
 * (openapi-typescript). Do not edit: apps/server/src/platform/http/openapi.int.test.ts fails
 * when this file and the served document differ.
 */

export interface paths {
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Log in with username and password; sets the session cookie, or answers the ticket for the second-factor step
         * @description Failed logins are throttled per (account, client address) and per address, shared by every node: 429 AUTH_LOGIN_THROTTLED with Retry-After. No account is ever locked by failures. When the account has a second factor (or its role requires one, MFA_REQUIRED_ROLES) the answer is `{ mfa, ticket, expiresAt }` instead of the account, and no cookie: continue with POST /auth/login/mfa (`verify`) or /auth/login/mfa/enrol (`enrol`).
         *
         *     Public: no sign-in needed.
         */
        post: operations["logIn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * End the current session
         * @description Any signed-in account (session cookie or API token).
         */
        post: operations["logOut"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who am I: account, grants and permissions
         * @description Any signed-in account (session cookie or API token).
         */
        get: operations["getMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * My API tokens
         * @description Any signed-in account (session cookie or API token).
         */
        get: operations["listMyTokens"];
        put?: never;
        /**
         * Create an API token for myself (shown once)
         * @description Any signed-in account (session cookie or API token).
         */
        post: operations["createMyToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/tokens/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke one of my API tokens
         * @description Any signed-in account (session cookie or API token).
         */
        delete: operations["revokeMyToken"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login/mfa": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Second sign-in step: a code from the authenticator app (or a recovery code) with the `verify` ticket; sets the session cookie
         * @description Public: no sign-in needed.
         */
        post: operations["completeMfaLogin"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login/mfa/enrol": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Enrolment at sign-in, step 1: a new TOTP secret for the authenticator app (shown this once), with the `enrol` ticket
         * @description Public: no sign-in needed.
         */
        post: operations["startMfaEnrolmentAtLogin"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login/mfa/enrol/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Enrolment at sign-in, step 2: a code from the app turns MFA on; answers the recovery codes (shown once) and sets the session cookie
         * @description Public: no sign-in needed.
         */
        post: operations["confirmMfaEnrolmentAtLogin"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/mfa": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * My two-factor sign-in: on or off, required by my role, recovery codes left
         * @description Any signed-in account (session cookie or API token).
         */
        get: operations["getMyMfa"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/mfa/enrol": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Turn MFA on, step 1: a new TOTP secret for the authenticator app (shown this once)
         * @description Any signed-in account (session cookie or API token).
         */
        post: operations["startMfaEnrolment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/mfa/enrol/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Turn MFA on, step 2: a code from the app; answers the recovery codes (shown once)
         * @description Any signed-in account (session cookie or API token).
         */
        post: operations["confirmMfaEnrolment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/mfa/recovery-codes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Replace my recovery codes (password and a current code needed); the old ones stop working
         * @description Any signed-in account (session cookie or API token).
         */
        post: operations["replaceRecoveryCodes"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/mfa/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Turn my MFA off (password and a current code needed); refused while my role requires it
         * @description Any signed-in account (session cookie or API token).
         */
        post: operations["disableMyMfa"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff/{id}/mfa": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An account's two-factor sign-in status
         * @description Needs the `staff:read` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        get: operations["getStaffMfa"];
        put?: never;
        post?: never;
        /**
         * Reset an account's two-factor sign-in (lost device): it enrols again at next sign-in; its sessions end
         * @description Needs the `staff:manage` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        delete: operations["resetStaffMfa"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/jurisdictions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The jurisdiction tree within my scope
         * @description Needs the `jurisdictions:read` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        get: operations["getJurisdictionTree"];
        put?: never;
        /**
         * Add a jurisdiction (e.g. a station) under one I administer
         * @description Needs the `jurisdictions:manage` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        post: operations["createJurisdiction"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/jurisdictions/levels": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The organisation's levels (FIREBREAK_LEVELS), root first, with their names in each language
         * @description Needs the `jurisdictions:read` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        get: operations["listJurisdictionLevels"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/jurisdictions/names": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Names of jurisdictions by path (up to 200), with the parent's name where two share a name
         * @description Needs the `jurisdictions:read` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        get: operations["getJurisdictionNames"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/jurisdictions/lookup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The jurisdictions containing a point, deepest first
         * @description Needs the `jurisdictions:read` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        get: operations["lookUpJurisdictionsAtPoint"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/jurisdictions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One jurisdiction with its GeoJSON boundary
         * @description Needs the `jurisdictions:read` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        get: operations["getJurisdiction"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Rename a jurisdiction or replace its boundary
         * @description Needs the `jurisdictions:manage` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        patch: operations["updateJurisdiction"];
        trace?: never;
    };
    "/api/v1/jurisdictions/boundary-imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Build or refresh jurisdictions under parentPath from a boundary file in the body (GeoJSON, a zipped Shapefile, a GeoPackage; the filename says which), matched by code. dryRun: only say per feature what would be created, updated or rejected. A file with a rejected feature is refused whole (422) unless allowPartial
         * @description Needs the `jurisdictions:manage` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        post: operations["importBoundaries"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Staff and device accounts in my scope
         * @description Needs the `staff:read` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        get: operations["listStaff"];
        put?: never;
        /**
         * Create an account (administrators, within their scope)
         * @description Needs the `staff:manage` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        post: operations["createStaff"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One account with its grants
         * @description Needs the `staff:read` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        get: operations["getStaff"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Rename, disable/enable or reset the password of an account
         * @description Needs the `staff:manage` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        patch: operations["updateStaff"];
        trace?: never;
    };
    "/api/v1/staff/{id}/grants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Grant a role on a jurisdiction
         * @description Needs the `staff:manage` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        post: operations["grantRole"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff/{id}/grants/{grantId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke a role grant
         * @description Needs the `staff:manage` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        delete: operations["revokeGrant"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff/{id}/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An account's API tokens
         * @description Needs the `staff:manage` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        get: operations["listStaffTokens"];
        put?: never;
        /**
         * Create an API token for a device account (shown once); a person creates their own with POST /auth/tokens
         * @description Needs the `staff:manage` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        post: operations["createStaffToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/places": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Key places in my scope, by category, jurisdiction subtree and bounding box
         * @description Needs the `places:read` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        get: operations["listPlaces"];
        put?: never;
        /**
         * Add a key place
         * @description Needs the `places:manage` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        post: operations["createPlace"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/places/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One key place
         * @description Needs the `places:read` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        get: operations["getPlace"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Edit a key place (send the version you edited)
         * @description Needs the `places:manage` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        patch: operations["updatePlace"];
        trace?: never;
    };
    "/api/v1/places/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every change of a place, oldest first
         * @description Needs the `places:read` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        get: operations["getPlaceHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/hazards": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Hazards in my scope, filtered
         * @description Needs the `hazards:read` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        get: operations["listHazards"];
        put?: never;
        /**
         * Raise a hazard at a place
         * @description Needs the `hazards:manage` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        post: operations["raiseHazard"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/hazards/board": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A jurisdiction's board: overdue hazards of its subtree and those it supervises
         * @description Needs the `hazards:read` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        get: operations["getHazardBoard"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/hazards/report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Hazards found, fixed, open and overdue by child jurisdiction
         * @description Needs the `hazards:read` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        get: operations["getHazardReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/hazards/report.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The hazard report as CSV, in the language asked for (paths and counts as they are)
         * @description Needs the `hazards:read` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        get: operations["getHazardReportCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/hazards/report.html": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The hazard report as a printable page, in the language and time zone asked for
         * @description Needs the `hazards:read` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        get: operations["getHazardReportHtml"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/hazards/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One hazard with its extension requests
         * @description Needs the `hazards:read` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        get: operations["getHazard"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/hazards/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every step of a hazard, oldest first
         * @description Needs the `hazards:read` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        get: operations["getHazardHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/hazards/{id}/actions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A step of rectification: start, submit, reject, verify, close
         * @description Needs the `hazards:read` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        post: operations["actOnHazard"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/hazards/{id}/extensions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Ask for a later deadline
         * @description Needs the `hazards:manage` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        post: operations["requestHazardExtension"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/hazards/{id}/extensions/decision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Approve or deny the pending extension request
         * @description Needs the `hazards:verify` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        post: operations["decideHazardExtension"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/hazards/{id}/supervision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * List a major hazard for supervision by a higher level
         * @description Needs the `hazards:verify` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        post: operations["listHazardForSupervision"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/hazards/{id}/evidence": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Photos and documents of a hazard
         * @description Needs the `hazards:read` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        get: operations["listHazardEvidence"];
        put?: never;
        /**
         * Attach a photo or document (JSON, base64; JPEG, PNG, WebP or PDF up to 512 KiB)
         * @description Needs the `hazards:manage` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        post: operations["attachHazardEvidence"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/hazards/{id}/evidence/{evidenceId}/content": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The bytes of one evidence file
         * @description Needs the `hazards:read` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        get: operations["getHazardEvidenceContent"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/hazard-deadlines/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Deadlines by grade in force at a jurisdiction
         * @description Needs the `hazards:read` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        get: operations["getHazardDeadlines"];
        /**
         * Set deadlines by grade for a jurisdiction and its subtree (new hazards)
         * @description Needs the `hazards:configure` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        put: operations["setHazardDeadlines"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/checklists": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Checklists (latest versions, or all with all=true), optionally for one place category
         * @description Needs the `places:read` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        get: operations["listChecklists"];
        put?: never;
        /**
         * Publish a checklist, or the next version of one (national)
         * @description Needs the `checklists:manage` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        post: operations["publishChecklist"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/checklists/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One version of a checklist
         * @description Needs the `places:read` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        get: operations["getChecklist"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inspections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Inspections in my scope
         * @description Needs the `places:read` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        get: operations["listInspections"];
        put?: never;
        /**
         * Record an inspection; failed items raise hazards
         * @description Needs the `inspections:record` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        post: operations["recordInspection"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inspections/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One inspection
         * @description Needs the `places:read` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        get: operations["getInspection"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inspections/{id}/attachments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Photos and documents of an inspection
         * @description Needs the `places:read` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        get: operations["listInspectionAttachments"];
        put?: never;
        /**
         * Attach a photo or document (JSON, base64; JPEG, PNG, WebP or PDF up to 512 KiB)
         * @description Needs the `inspections:record` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        post: operations["attachInspectionFile"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inspections/{id}/attachments/{attachmentId}/content": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The bytes of one attachment
         * @description Needs the `places:read` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        get: operations["getInspectionAttachmentContent"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/campaigns": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Campaigns issued in my scope or reaching into it
         * @description Needs the `places:read` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        get: operations["listCampaigns"];
        put?: never;
        /**
         * Issue a campaign: assignments for every place in scope
         * @description Needs the `campaigns:manage` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        post: operations["issueCampaign"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/campaigns/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One campaign
         * @description Needs the `places:read` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        get: operations["getCampaign"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/campaigns/{id}/coverage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Live coverage (inspected / in scope), by jurisdiction and category, rolled up the tree
         * @description Needs the `places:read` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        get: operations["getCampaignCoverage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/campaigns/{id}/progress": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Progress per day (inspected, missed, hazards found and rectified), for a chart
         * @description Needs the `places:read` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        get: operations["getCampaignProgress"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/campaigns/{id}/report.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Coverage report as CSV (one line per jurisdiction and category), in the language asked for
         * @description Needs the `places:read` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        get: operations["getCampaignReportCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/campaigns/{id}/report.html": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Printable coverage report, in the language and time zone asked for
         * @description Needs the `places:read` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        get: operations["getCampaignReportHtml"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/campaigns/{id}/assignments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Assignments of a campaign in my scope
         * @description Needs the `places:read` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        get: operations["listCampaignAssignments"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/risk/places": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Places in my scope ordered by risk score, highest first (see the places module CONTEXT.md for the formula)
         * @description Needs the `places:read` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        get: operations["listPlaceRisks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/risk/places/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One place's risk score with its parts
         * @description Needs the `places:read` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        get: operations["getPlaceRisk"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/units": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Units in my scope, with their live positions
         * @description A page of the units of the jurisdictions in your scope with their status and newest AVL position (`stale` once no fix came for AVL_STALE_SECONDS); filter by jurisdiction, kind, status, on duty. Follow `nextCursor` for the next page; the stream carries `units.status_changed` and `units.positions_reported`.
         *
         *     Needs the `units:read` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        get: operations["listUnits"];
        put?: never;
        /**
         * Register a unit
         * @description Adds a unit to a jurisdiction's fleet with a home station (its location is the home location) or a home location. A call sign is unique (409 UNIT_CALL_SIGN_TAKEN). Emits `units.registered`.
         *
         *     Needs the `units:manage` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        post: operations["registerUnit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/units/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One unit
         * @description Needs the `units:read` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        get: operations["getUnit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a unit's crew, capabilities or home location
         * @description Needs the `units:manage` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        patch: operations["updateUnit"];
        trace?: never;
    };
    "/api/v1/units/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every registry and status change of a unit, oldest first
         * @description Needs the `units:read` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        get: operations["getUnitHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/units/{id}/track": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The stored (downsampled) AVL track of a unit in a period
         * @description Needs the `units:read` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        get: operations["getUnitTrack"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/units/{id}/actions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * On or off duty, out of or back in service, at station
         * @description Needs the `units:read` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        post: operations["changeUnitStatus"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/avl/positions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A batch of AVL fixes from a device (API token)
         * @description For vehicle terminals and AVL gateways with an API token holding `avl:report` on the units' jurisdictions; one unit outside them refuses the whole batch. Up to 5,000 fixes in one request (batch them: one audit row per batch). A fix older than the unit's newest is kept only in its track (`outOfOrder`); the track keeps a point per 50 m or 30 s (`stored`). Emits `units.positions_reported`. MQTT devices publish to `firebreak/units/<unitId>/position` instead (see asyncapi.json).
         *
         *     Needs the `avl:report` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        post: operations["reportAvlPositions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incidents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Incidents in my scope, newest first
         * @description A page of the incidents of the jurisdictions in your scope, newest first; filter by jurisdiction subtree, state and origin (live, historical, simulated). Follow `nextCursor` for the next page. For live changes, listen to the stream instead of polling.
         *
         *     Needs the `incidents:read` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        get: operations["listIncidents"];
        put?: never;
        /**
         * Take an emergency report; the clock starts at the call
         * @description The call-taker's command. The incident's jurisdiction is the deepest one whose boundary holds `location` (404 NO_JURISDICTION_AT_POINT outside every one), and its response clock starts at the call. Subscribers of the stream receive `incidents.opened`; ask `recommendUnits` next. Send an Idempotency-Key: a retried request creates no second incident.
         *
         *     Needs the `incidents:create` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        post: operations["createIncident"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incidents/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One incident with its response clock
         * @description Needs the `incidents:read` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        get: operations["getIncident"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incidents/{id}/timeline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Everything that happened to an incident, oldest first
         * @description Needs the `incidents:read` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        get: operations["getIncidentTimeline"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incidents/possible-duplicates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * At intake: incidents of the same type nearby and close in time, nearest first
         * @description Needs the `incidents:create` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        get: operations["findPossibleDuplicates"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incidents/{id}/duplicates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Possible duplicates of an incident (same type, nearby, close in time), nearest first
         * @description Needs the `incidents:read` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        get: operations["listIncidentDuplicates"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incidents/{id}/duplicate-of": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Link the incident as a duplicate of another: its own clock stops
         * @description Needs the `incidents:create` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        put: operations["linkDuplicateIncident"];
        post?: never;
        /**
         * Undo a duplicate link: the incident runs its own clock again from the call
         * @description Needs the `incidents:create` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        delete: operations["unlinkDuplicateIncident"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incidents/{id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Close the incident with its disposition, once every unit has cleared or been cancelled (send an Idempotency-Key)
         * @description Refused with 409 INCIDENT_UNITS_COMMITTED while a unit is still on its way or on scene: clear or cancel its assignment first. Emits `incidents.closed`; closing a closed incident again answers INCIDENT_CLOSED.
         *
         *     Needs the `dispatch:assign` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        post: operations["closeIncident"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incidents/{id}/purge-caller": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Remove the caller's call-back number for good
         * @description Needs the `incidents:create` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        post: operations["purgeIncidentCaller"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incidents/{id}/recommendations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Units I may send, fastest by road first, with ETA and the tiers they would make
         * @description The units the caller may send, ranked by road ETA, each with the run-card tiers it would make in time, and the slots no unit can fill (`shortfall`, with a ShortfallReason). Read-only: nothing is reserved.
         *
         *     Needs the `dispatch:assign` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        get: operations["recommendUnits"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incidents/{id}/assignments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The units sent to an incident and their steps
         * @description Needs the `incidents:read` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        get: operations["listIncidentAssignments"];
        put?: never;
        /**
         * Send units to an incident (all or none; send an Idempotency-Key)
         * @description Dispatches the listed units in one transaction: if any of them is no longer available (409 DISPATCH_UNIT_UNAVAILABLE) none is sent. Pass the ids you were recommended in `recommendedUnitIds` so the audit trail shows where the dispatcher departed from the recommendation. Emits `dispatch.unit_assigned` per unit.
         *
         *     Needs the `dispatch:assign` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        post: operations["assignUnits"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assignments/{id}/actions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A step of a unit on an assignment: acknowledge, en route, on scene, clear, cancel
         * @description A unit's step on its assignment (acknowledge, en route, on scene, clear, cancel), in the order the lifecycle allows (else 409 ASSIGNMENT_TRANSITION_NOT_ALLOWED). A unit with AVL is put on scene by itself when its fix enters the incident's arrival radius. Emits `dispatch.assignment_changed`.
         *
         *     Any signed-in account (session cookie or API token).
         */
        post: operations["advanceAssignment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assignments/{id}/reassign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Move the unit to another incident, or put another unit in its place, in one step (send an Idempotency-Key)
         * @description Needs the `dispatch:assign` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        post: operations["reassignAssignment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/response-times": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Response times (p50/p90) and tier compliance of a jurisdiction subtree over a period
         * @description Needs the `incidents:read` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        get: operations["getResponseTimesReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/response-times.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The response-times report as CSV
         * @description Needs the `incidents:read` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        get: operations["getResponseTimesReportCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/response-plans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The run cards set in a jurisdiction subtree (default: all I see): where the tree overrides what
         * @description Needs the `units:read` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        get: operations["listResponsePlans"];
        /**
         * Set a jurisdiction's run card for an incident type and priority (in force below it unless overridden)
         * @description Needs the `units:manage` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        put: operations["setResponsePlan"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/response-plans/in-force": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The run card in force at a jurisdiction: its own, else the nearest ancestor's
         * @description Needs the `units:read` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        get: operations["getResponsePlanInForce"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/response-times/breakdown": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Response times by priority, incident type, jurisdiction or unit kind: call processing, turnout, travel and total (p50/p90, % within N s) and the tiers
         * @description Needs the `incidents:read` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        get: operations["getResponseTimesBreakdown"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/response-times/breakdown.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The response-times breakdown as CSV (one line per group and measure)
         * @description Needs the `incidents:read` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        get: operations["getResponseTimesBreakdownCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/mutual-aid-agreements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Cross-border agreements either side of which lies in my scope
         * @description Needs the `units:read` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        get: operations["listMutualAidAgreements"];
        put?: never;
        /**
         * Let a jurisdiction's dispatchers see and send a neighbour's units of given kinds (needs authority over both)
         * @description Needs the `mutual_aid:manage` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        post: operations["createMutualAidAgreement"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/mutual-aid-agreements/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One agreement
         * @description Needs the `units:read` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        get: operations["getMutualAidAgreement"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/mutual-aid-agreements/{id}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * End an agreement, at once (either side may)
         * @description Needs the `mutual_aid:manage` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        post: operations["revokeMutualAidAgreement"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incidents/{id}/reinforcement-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An incident's reinforcement requests, oldest first
         * @description Needs the `incidents:read` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        get: operations["listIncidentReinforcementRequests"];
        put?: never;
        /**
         * Ask the level above (or a neighbour) for units of a kind or capability for this incident
         * @description Needs the `dispatch:assign` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        post: operations["requestReinforcements"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incidents/{id}/reinforcement-targets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Whom I may ask for this incident: the level above and the neighbours, by name
         * @description Needs the `dispatch:assign` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        get: operations["listReinforcementTargets"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reinforcement-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Requests addressed to my level now (mine), or every one I may see (all)
         * @description Needs the `dispatch:assign` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        get: operations["listReinforcementRequests"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reinforcement-requests/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One reinforcement request
         * @description Needs the `dispatch:assign` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        get: operations["getReinforcementRequest"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reinforcement-requests/{id}/candidates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Units I could lend for it, fastest by road to the incident first
         * @description Needs the `dispatch:assign` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        get: operations["listReinforcementCandidates"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reinforcement-requests/{id}/grant": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Lend units of mine for the incident (all asked for, or some: the rest goes a level up)
         * @description Needs the `dispatch:assign` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        post: operations["grantReinforcements"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reinforcement-requests/{id}/refuse": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cannot lend: the request goes a level up at once
         * @description Needs the `dispatch:assign` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        post: operations["refuseReinforcements"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reinforcement-requests/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * No longer needed: nobody is asked any more, unsent lent units go back
         * @description Needs the `dispatch:assign` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        post: operations["cancelReinforcementRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/posts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A jurisdiction's posts (with subtree=true, also every post below it) with their current holders
         * @description Needs the `jurisdictions:read` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        get: operations["listPosts"];
        put?: never;
        /**
         * Create a vacant post in a jurisdiction
         * @description Needs the `posts:manage` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        post: operations["createPost"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/posts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One post with its current holder
         * @description Needs the `jurisdictions:read` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        get: operations["getPost"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/posts/{id}/holder": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who held the post at a given time
         * @description Needs the `jurisdictions:read` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        get: operations["getPostHolderAt"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/posts/{id}/holdings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every holding of the post, oldest first
         * @description Needs the `jurisdictions:read` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        get: operations["listPostHoldings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/posts/{id}/handovers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Hand the post over now (the previous holding ends at the same instant); null leaves it vacant
         * @description Needs the `posts:manage` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        post: operations["handOverPost"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/directives": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Directives issued in or sent to my scope, newest first
         * @description Needs the `directives:read` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        get: operations["listDirectives"];
        put?: never;
        /**
         * Issue a directive to jurisdictions of the issuer’s subtree
         * @description Needs the `directives:issue` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        post: operations["issueDirective"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/directives/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One directive with every target and its status
         * @description Needs the `directives:read` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        get: operations["getDirective"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/directives/{id}/rollup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A level's view: its own status and its children's subtrees at a glance (default: the issuer)
         * @description Needs the `directives:read` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        get: operations["getDirectiveRollup"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/directives/{id}/targets/{jurisdictionId}/acknowledgement": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Acknowledge the directive for a target jurisdiction
         * @description Needs the `directives:respond` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        post: operations["acknowledgeDirective"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/directives/{id}/targets/{jurisdictionId}/report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Report back on the directive for a target jurisdiction
         * @description Needs the `directives:respond` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        post: operations["reportOnDirective"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The tasks of a directive, a campaign or a standing duty in my scope, or every task at and under a jurisdiction, each with its rolled-up progress
         * @description Needs the `directives:read` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        get: operations["listTasks"];
        put?: never;
        /**
         * Break a directive, a campaign or one of their tasks (or a standing duty's task) down into a task for a post
         * @description Needs the `tasks:manage` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        post: operations["createTask"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every audited step of a task, oldest first: creation, reports, roll-ups, reassignments, re-decompositions, overdue and escalation
         * @description Needs the `directives:read` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        get: operations["getTaskHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks/{id}/evidence/{evidenceId}/content": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The bytes of one file backing a progress report
         * @description Needs the `directives:read` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        get: operations["getTaskEvidenceContent"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks/{id}/reassignment": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Hand the task to another post (kept in its history)
         * @description Needs the `tasks:manage` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        post: operations["reassignTask"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks/{id}/redecomposition": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Move the task under another parent (or to the top level), or change its weight or due date (kept in its history)
         * @description Needs the `tasks:manage` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        post: operations["redecomposeTask"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One task with its progress reports, oldest first
         * @description Needs the `directives:read` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        get: operations["getTask"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks/{id}/reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Report progress on a task without subtasks, with evidence files (JSON, base64); its parents roll up
         * @description Needs the `tasks:report` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        post: operations["reportTaskProgress"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/standing-duties": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The standing duties of posts at and under a jurisdiction (their period tasks at GET /tasks?standingDutyId=)
         * @description Needs the `directives:read` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        get: operations["listStandingDuties"];
        put?: never;
        /**
         * Give a post a recurring duty: one task per period, due at the period's end, made by the duty sweep
         * @description Needs the `tasks:manage` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        post: operations["createStandingDuty"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tiles.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * TileJSON of the offline base map (vector tiles made from the OSM extract)
         * @description Any signed-in account (session cookie or API token).
         */
        get: operations["getTileJson"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tiles/{z}/{x}/{y}.mvt": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A base-map vector tile (MVT, gzip when accepted; 204 when empty; z 0-22, tiles past 17 overzoomed)
         * @description Any signed-in account (session cookie or API token).
         */
        get: operations["getVectorTile"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/glyphs/{fontstack}/{range}.pbf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Glyphs of the map's labels (SDF, MapLibre glyph PBF; font stack "Noto Sans Regular", ranges of 256 code points)
         * @description Public: no sign-in needed.
         */
        get: operations["getGlyphs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/isochrones": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Reachability rings: from where a unit reaches the place within each number of minutes (from=place), or what the available units I may see reach (from=units)
         * @description Any signed-in account (session cookie or API token).
         */
        get: operations["getIsochrones"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/coverage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Live 1-3-5 coverage: the share of key places the available units reach by road within 1, 3 and 5 minutes now, and the uncovered places
         * @description Needs the `places:read` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        get: operations["getLiveCoverage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/coverage/placements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Where p patrol posts should stand: MCLP (most demand within T minutes) or p-median (least weighted travel time) over stations, key places and drawn points; exact (HiGHS) or heuristic with its gap
         * @description Needs the `places:read` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        post: operations["planPlacement"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/supervision/visits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Supervision visits in my scope, newest first
         * @description Needs the `hazards:read` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        get: operations["listSupervisionVisits"];
        put?: never;
        /**
         * Record a supervision visit of a task, a unit or a place; each required correction becomes a hazard record to rectify
         * @description Needs the `supervision:record` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        post: operations["recordSupervisionVisit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/supervision/visits/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One visit with its findings and where each required correction stands
         * @description Needs the `hazards:read` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        get: operations["getSupervisionVisit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/accountability/trace": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What the record shows for an incident (or a place over a window): open hazards near it, overdue tasks and directives, missed tiers, responsible posts and their holders then; each line with its audit entries
         * @description Needs the `accountability:read` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        get: operations["getAccountabilityTrace"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/accountability/audit-entries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The audit entries a trace line cites, within my accountability scope
         * @description Needs the `accountability:read` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        get: operations["listTraceAuditEntries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/accountability/trace.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The accountability trace as CSV, one line per fact, in the language and time zone asked for
         * @description Needs the `accountability:read` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        get: operations["getAccountabilityTraceCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/accountability/trace.html": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The accountability trace as a printable page, in the language and time zone asked for
         * @description Needs the `accountability:read` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        get: operations["getAccountabilityTraceHtml"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/history/imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Import batches of the jurisdictions in your scope (or under one), newest first, with what each wrote and whether it was undone
         * @description Needs the `jurisdictions:manage` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        get: operations["listHistoryImports"];
        put?: never;
        /**
         * Import past calls from a CAD export (CSV text + column mapping) as historical incidents of a jurisdiction, in one batch that can be undone; re-importing adds nothing. dryRun: only say what would be imported and rejected. A file with unreadable rows is refused whole (422) unless allowPartial
         * @description Needs the `jurisdictions:manage` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        post: operations["importHistoricalCalls"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/history/imports/{id}/undo": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Undo an import batch: remove exactly the historical incidents and unit responses it wrote, in one audited transaction; undoing it again removes nothing
         * @description Needs the `jurisdictions:manage` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        post: operations["undoHistoryImport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/onboarding/{kind}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Load stations, units, staff or key places from a CSV (or GeoJSON) file sent as the body, in one batch that can be undone; rows whose record exists unchanged are left alone. dryRun: only report. A file with rejected rows writes nothing and answers 422 naming each row and column (a dry run too: it answers as the import would), unless allowPartial
         * @description Needs the `jurisdictions:manage` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        post: operations["onboardRecords"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/onboarding/batches": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Onboarding batches in your scope, newest first, with what each created and whether it was undone
         * @description Needs the `jurisdictions:manage` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        get: operations["listOnboardingBatches"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/onboarding/batches/{id}/undo": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Undo an onboarding batch: remove exactly the records it created and give those it updated their values from before, audited; refused (409, naming them) when some are in use or changed since; undoing it again changes nothing
         * @description Needs the `jurisdictions:manage` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        post: operations["undoOnboardingBatch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/geocode": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Search as you type: addresses, streets, places, key places and jurisdictions of the OSM extract (typos, missing diacritics, abbreviations, any order)
         * @description Any signed-in account (session cookie or API token).
         */
        get: operations["searchLocations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/geocode/reverse": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The nearest address and street to a point, and the jurisdiction holding it
         * @description Any signed-in account (session cookie or API token).
         */
        get: operations["reverseGeocode"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alerts/receipts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The alerts I have seen (as a toast) or read, on any device, since a time
         * @description Any signed-in account (session cookie or API token).
         */
        get: operations["listAlertReceipts"];
        put?: never;
        /**
         * Mark alerts seen (claims their toast: the answer says which no device had seen) or read; send an Idempotency-Key
         * @description Any signed-in account (session cookie or API token).
         */
        post: operations["markAlertsSeen"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/intake/premise": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * At intake, for a chosen location: its jurisdiction and who is on duty, key places and open hazards within 200 m, licensed dangerous goods held within 500 m, incidents within 50 m in the last 30 days, possible duplicates (with type)
         * @description Any signed-in account (session cookie or API token).
         */
        get: operations["getPremiseAtIntake"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/setup/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Whether the deployment is still to be set up (only the bare root a first start makes, no units), its levels, whether the demo is on
         * @description Any signed-in account (session cookie or API token).
         */
        get: operations["getSetupStatus"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/setup/osm-import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Build the jurisdiction tree and key places from the region's OpenStreetMap extract (.osm.pbf) sent as the body, as `firebreak import osm` does: clipped boundaries repaired, a root made from the extract when it has no national boundary. dryRun: do it in a transaction that is rolled back and answer what would happen, with each boundary for a map preview
         * @description Needs the `jurisdictions:manage` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        post: operations["importOsmAtSetup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/major-incidents/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Response levels (names, commanding level, casualty thresholds), report-up minutes, SITREP interval and alert languages
         * @description Needs the `incidents:read` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        get: operations["getMajorIncidentSettings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/major-incidents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Major incidents where I read incidents, newest first (exercise=false for live only)
         * @description Needs the `incidents:read` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        get: operations["listMajorIncidents"];
        put?: never;
        /**
         * Declare a major incident from an incident or at a point
         * @description Needs the `dispatch:assign` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        post: operations["declareMajorIncident"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/major-incidents/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One major incident with its command structure, sectors, units and casualty tally
         * @description Needs the `incidents:read` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        get: operations["getMajorIncident"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/major-incidents/{id}/sitreps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Its situation reports, newest first
         * @description Needs the `incidents:read` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        get: operations["listSitreps"];
        put?: never;
        /**
         * Submit a situation report for the incident commander's post
         * @description Any signed-in account (session cookie or API token).
         */
        post: operations["submitSitrep"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/major-incidents/{id}/after-action": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * After-action report: clocks met or missed, SITREPs, units over time, timeline from the audit trail
         * @description Needs the `incidents:read` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        get: operations["getAfterActionReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/major-incidents/{id}/after-action.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The after-action timeline as CSV
         * @description Needs the `incidents:read` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        get: operations["getAfterActionTimelineCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/major-incidents/{id}/level": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Raise or lower the response level, with a reason
         * @description Any signed-in account (session cookie or API token).
         */
        put: operations["changeMajorIncidentLevel"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/major-incidents/{id}/reports-up": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record the first or the written report to the level above (meets the report-up clock)
         * @description Any signed-in account (session cookie or API token).
         */
        post: operations["reportMajorIncidentUp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/major-incidents/{id}/positions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add the incident commander, a section or a sector, held by a post
         * @description Any signed-in account (session cookie or API token).
         */
        post: operations["createCommandPosition"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/major-incidents/{id}/positions/{positionId}/post": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Hand a position to another post
         * @description Any signed-in account (session cookie or API token).
         */
        put: operations["handCommandPosition"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/major-incidents/{id}/positions/{positionId}/units/{unitId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Assign a unit to a sector (or move it there from another)
         * @description Any signed-in account (session cookie or API token).
         */
        put: operations["assignUnitToSector"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/major-incidents/{id}/units/{unitId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Release a unit from its sector
         * @description Any signed-in account (session cookie or API token).
         */
        delete: operations["releaseUnitFromSector"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/major-incidents/{id}/positions/{positionId}/casualties": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * A sector's casualty counts by triage category (counts only)
         * @description Any signed-in account (session cookie or API token).
         */
        put: operations["reportSectorCasualties"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/major-incidents/{id}/cordons/{kind}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Draw the inner or outer cordon (a polygon, or a radius around the point); key places inside are counted
         * @description Any signed-in account (session cookie or API token).
         */
        put: operations["setCordon"];
        post?: never;
        /**
         * Lift a cordon (the roads it closed open again)
         * @description Any signed-in account (session cookie or API token).
         */
        delete: operations["liftCordon"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/major-incidents/{id}/points": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add a staging area, traffic control point, access or evacuation point
         * @description Any signed-in account (session cookie or API token).
         */
        post: operations["addMajorIncidentPoint"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/major-incidents/{id}/points/{pointId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove a point no longer in use
         * @description Any signed-in account (session cookie or API token).
         */
        delete: operations["removeMajorIncidentPoint"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/major-incidents/{id}/alerts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Its public alerts: every CAP message, newest first
         * @description Needs the `incidents:read` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        get: operations["listPublicAlerts"];
        put?: never;
        /**
         * Issue a public alert (CAP 1.2 Alert) over a cordon or a drawn area, in every alert language
         * @description Any signed-in account (session cookie or API token).
         */
        post: operations["issuePublicAlert"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/major-incidents/{id}/alerts/{alertId}/updates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Update a public alert (CAP Update referencing the earlier messages); the body is the alert as it now stands
         * @description Any signed-in account (session cookie or API token).
         */
        post: operations["updatePublicAlert"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/major-incidents/{id}/alerts/{alertId}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel a public alert (CAP Cancel); allowed after the stand-down
         * @description Any signed-in account (session cookie or API token).
         */
        post: operations["cancelPublicAlert"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/major-incidents/{id}/stand-down": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Stand the major incident down (clocks stop, units released)
         * @description Any signed-in account (session cookie or API token).
         */
        post: operations["standDownMajorIncident"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public-alerts/feed.atom": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Atom feed of the live public alerts in force (CAP 1.2 messages; no login)
         * @description Public: no sign-in needed.
         */
        get: operations["getPublicAlertFeed"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public-alerts/exercise.atom": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Atom feed of the exercise alerts in force (status Exercise; no login)
         * @description Public: no sign-in needed.
         */
        get: operations["getExerciseAlertFeed"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public-alerts/{id}.xml": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One public alert message as OASIS CAP 1.2 XML (no login)
         * @description Public: no sign-in needed.
         */
        get: operations["getPublicAlertCap"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/goods/hazard-classes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The UN hazard classes and divisions a licensed chemical is given (UN Model Regulations, Part 2)
         * @description Needs the `places:read` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        get: operations["listHazardClasses"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/goods/sites": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Licensed sites in my scope with their licence state and stock (nearest first with `near`)
         * @description Needs the `places:read` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        get: operations["listGoodsSites"];
        put?: never;
        /**
         * License a key place to hold dangerous goods or controlled items
         * @description Needs the `goods:license` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        post: operations["licenseGoodsSite"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/goods/sites/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One licensed site: licence, state and stock per item
         * @description Needs the `places:read` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        get: operations["getGoodsSite"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/goods/sites/{id}/licence": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Renew or change a site's licence (validity, items, maxima)
         * @description Needs the `goods:license` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        put: operations["renewGoodsLicence"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/goods/sites/{id}/transfers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A site's ledger: its movements, newest first
         * @description Needs the `places:read` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        get: operations["listGoodsSiteTransfers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/goods/transfers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record a movement (receipt, issue, transfer, consumption, destruction, loss); the same id again is answered, never applied twice
         * @description Needs the `goods:record` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        post: operations["recordGoodsTransfer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/goods/transfers/batch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record up to 1,000 movements in order, all or none (errors name the movement: body.transfers.N)
         * @description Needs the `goods:record` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        post: operations["recordGoodsTransferBatch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/goods/transfers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One movement
         * @description Needs the `places:read` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        get: operations["getGoodsTransfer"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/goods/transfers/{id}/reverse": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Undo a movement by its mirror transfer (movements are never edited)
         * @description Needs the `goods:record` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        post: operations["reverseGoodsTransfer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/goods/sites/{id}/reconciliations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Counted stock against the ledger: discrepancies, and a graded hazard for each above tolerance
         * @description Needs the `inspections:record` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        post: operations["reconcileGoodsStock"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/goods/sites/{id}/discrepancies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A site's counted-against-ledger differences, newest first
         * @description Needs the `places:read` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        get: operations["listGoodsSiteDiscrepancies"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/goods/discrepancies/report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Discrepancies by jurisdiction and site
         * @description Needs the `places:read` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        get: operations["reportGoodsDiscrepancies"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/goods/permits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Transport permits in my scope, newest first (`active=true`: issued, in transit or arrived)
         * @description Needs the `places:read` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        get: operations["listTransportPermits"];
        put?: never;
        /**
         * Issue a transport permit: the load leaves the sender for transit; the route keeps out of schools, kindergartens (in their hours) and cordons
         * @description Needs the `goods:license` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        post: operations["issueTransportPermit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/goods/permits/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One transport permit with its route, corridor, avoided zones and last fix
         * @description Needs the `places:read` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        get: operations["getTransportPermit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/goods/permits/{id}/alerts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A permit's geofence alerts, newest first
         * @description Needs the `places:read` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        get: operations["listTransportPermitAlerts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/goods/permits/{id}/trail": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The vehicle's fixes under the permit, oldest first
         * @description Needs the `places:read` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        get: operations["getTransportPermitTrail"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/goods/permits/{id}/positions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Fixes of a permitted vehicle (its terminal's API token with `avl:report`); MQTT: `firebreak/goods/permits/<id>/position`
         * @description Held against the corridor, the protected zones, the stop allowance and the destination; alerts (left corridor, rejoined, entered zone, stopped, arrived) go to the supervising desk once per excursion. Fixes not newer than the last are ignored (a retry is harmless). Unknown permit: 404; finished: 409.
         *
         *     Needs the `avl:report` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        post: operations["reportTransportPositions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/goods/permits/{id}/receive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The receiving site takes the load into its stock (ends the permit)
         * @description Needs the `goods:record` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        post: operations["receiveTransport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/goods/permits/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel a permit before receipt: the load goes back into the sender's stock
         * @description Needs the `goods:license` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        post: operations["cancelTransportPermit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/goods/transport-alerts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Geofence alerts of transports supervised in my scope, newest first (the duty desk list)
         * @description Needs the `places:read` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        get: operations["listTransportAlerts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/goods/major-incidents/{id}/holdings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What licensed sites within 500 m of a major incident's point or cordons hold per their ledgers
         * @description Needs the `incidents:read` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        get: operations["listMajorIncidentHoldings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Audit trail within my scope (auditors)
         * @description Needs the `audit:read` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        get: operations["listAuditEntries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Verify the whole hash chain (auditors)
         * @description Needs the `audit:read` permission (session cookie or API token); acts only within the caller's jurisdiction scope.
         */
        get: operations["verifyAuditChain"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/events/recent": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Events of these types I may see since a moment (at most 7 days back), newest first: what a screen opened now catches up on
         * @description The events of the stream (`/api/v1/stream`, described in asyncapi.json) that you may see, from a moment up to 7 days back: what a screen or integration opened now, or reconnecting, catches up on before listening live. Filter by `types` (comma-separated event types).
         *
         *     Any signed-in account (session cookie or API token).
         */
        get: operations["listRecentEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        AccountabilityTrace: {
            reference: {
                /** @enum {string} */
                kind: "incident" | "place";
                /** Format: uuid */
                id: string;
                name: string;
                incident: {
                    type: components["schemas"]["IncidentType"];
                    priority: components["schemas"]["Priority"];
                    address: string | null;
                } | null;
                jurisdictionPath: string;
                location: [
                    number,
                    number
                ];
                /** Format: date-time */
                from: string;
                /** Format: date-time */
                to: string;
                radiusM: number;
            };
            /** Format: date-time */
            generatedAt: string;
            hazards: components["schemas"]["TraceHazard"][];
            tasks: components["schemas"]["TraceTask"][];
            directives: components["schemas"]["TraceDirective"][];
            tiers: components["schemas"]["TraceTier"][];
            posts: components["schemas"]["TracePost"][];
            dispatch: components["schemas"]["TraceDispatch"][];
            omittedOutsideScope: number;
        };
        AcknowledgeDirectiveBody: {
            note?: string;
        };
        AddGrantBody: {
            role: components["schemas"]["Role"];
            /** Format: uuid */
            jurisdictionId: string;
        };
        AddMajorPointBody: {
            kind: components["schemas"]["MajorPointKind"];
            name: string;
            location: [
                number,
                number
            ];
            note?: string;
        };
        AfterActionReport: {
            majorIncident: components["schemas"]["MajorIncident"];
            /** Format: date-time */
            generatedAt: string;
            clocks: {
                reportUp: components["schemas"]["ReportUpClock"][];
                sitreps: {
                    submitted: number;
                    late: number;
                    missed: number;
                };
            };
            sitreps: components["schemas"]["Sitrep"][];
            resources: {
                /** Format: uuid */
                unitId: string;
                callSign: string;
                sector: string;
                /** Format: date-time */
                from: string;
                to: string | null;
            }[];
            timeline: components["schemas"]["MajorTimelineEntry"][];
        };
        AlertArea: {
            cordon: components["schemas"]["CordonKind"];
        } | {
            polygon: components["schemas"]["GeoJsonPolygon"];
        };
        AlertInfoText: {
            language: string;
            event: string;
            headline: string;
            description: string;
            instruction: string;
            areaDesc: string;
        };
        AlertReceipt: {
            /** Format: uuid */
            eventId: string;
            /** Format: date-time */
            seenAt: string;
            readAt: string | null;
        };
        Answer: {
            itemKey: string;
            value: ("pass" | "fail" | "na") | number | string;
            note?: string;
        };
        /** @enum {string} */
        AnswerType: "yes_no" | "number" | "choice" | "text";
        ApiToken: {
            /** Format: uuid */
            id: string;
            name: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            expiresAt: string;
            lastUsedAt: string | null;
        };
        ArrivalDoubt: {
            reasons: ("too_soon" | "far_from_scene")[];
            secondsSinceDispatch: number;
            etaSeconds: number | null;
            lastFixMetres: number | null;
            lastFixAgeSeconds: number | null;
        };
        /** @enum {string} */
        ArrivalSource: "status" | "avl";
        /**
         * @example {
         *       "unitIds": [
         *         "0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b"
         *       ],
         *       "recommendedUnitIds": [
         *         "0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b",
         *         "0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2c"
         *       ]
         *     }
         */
        AssignUnitsBody: {
            unitIds: string[];
            recommendedUnitIds?: string[];
        };
        Assignment: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            incidentId: string;
            /** Format: uuid */
            unitId: string;
            callSign: string;
            state: components["schemas"]["AssignmentState"];
            etaSeconds: number | null;
            /** Format: date-time */
            assignedAt: string;
            acknowledgedAt: string | null;
            enRouteAt: string | null;
            onSceneAt: string | null;
            clearedAt: string | null;
            cancelledAt: string | null;
            arrivalSource: components["schemas"]["ArrivalSource"] | null;
            arrivalDoubt: components["schemas"]["ArrivalDoubt"] | null;
        };
        /**
         * @example {
         *       "action": "on_scene"
         *     }
         */
        AssignmentActionBody: {
            /** @enum {string} */
            action: "acknowledge" | "en_route" | "on_scene" | "clear" | "cancel";
        };
        AssignmentPage: {
            items: components["schemas"]["CampaignAssignment"][];
            nextCursor: string | null;
        };
        /** @enum {string} */
        AssignmentState: "assigned" | "acknowledged" | "en_route" | "on_scene" | "cleared" | "cancelled";
        Attachment: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            inspectionId: string;
            itemKey: string | null;
            filename: string;
            mediaType: string;
            sizeBytes: number;
            sha256: string;
            uploadedBy: string | null;
            /** Format: date-time */
            uploadedAt: string;
        };
        AttachmentBody: {
            filename: string;
            mediaType: string;
            contentBase64: string;
            itemKey?: string;
        };
        AuditEntry: {
            seq: number | null;
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            at: string;
            actorId: string | null;
            actorName: string | null;
            action: string;
            entityType: string;
            entityId: string | null;
            jurisdictionPath: string | null;
            before: unknown;
            after: unknown;
            requestId: string | null;
            prevHash: string | null;
            hash: string | null;
        };
        /**
         * @example {
         *       "fixes": [
         *         {
         *           "unitId": "0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b",
         *           "location": [
         *             9.5215,
         *             47.141
         *           ],
         *           "at": "2026-12-06T13:05:10Z",
         *           "speedKmh": 42,
         *           "heading": 180
         *         },
         *         {
         *           "unitId": "0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b",
         *           "location": [
         *             9.5216,
         *             47.1398
         *           ],
         *           "at": "2026-12-06T13:05:15Z",
         *           "speedKmh": 38,
         *           "heading": 175
         *         }
         *       ]
         *     }
         */
        AvlBatchBody: {
            fixes: components["schemas"]["AvlFix"][];
        };
        AvlBatchResult: {
            accepted: number;
            outOfOrder: number;
            stored: number;
        };
        AvlFix: {
            /** Format: uuid */
            unitId: string;
            location: [
                number,
                number
            ];
            /** Format: date-time */
            at: string;
            speedKmh?: number;
            heading?: number;
        };
        BoundaryFeatureOutcome: {
            index: number;
            code: string | null;
            name: string | null;
            /** @enum {string} */
            outcome: "created" | "updated" | "unchanged" | "rejected";
            path: string | null;
            reason: string | null;
            clippedM2: number;
        };
        BoundaryImportReport: {
            file: string;
            /** @enum {string} */
            format: "geojson" | "shapefile" | "geopackage";
            layer: string | null;
            srid: number;
            encoding: string | null;
            dryRun: boolean;
            written: boolean;
            created: number;
            updated: number;
            unchanged: number;
            rejected: number;
            notes: string[];
            features: components["schemas"]["BoundaryFeatureOutcome"][];
        };
        CallsImportSummary: {
            batchId: string | null;
            dryRun: boolean;
            file: string;
            mapping: string;
            jurisdictionPath: string;
            rows: number;
            calls: number;
            created: number;
            alreadyImported: number;
            responses: number;
            withoutLocation: number;
            rejectedCalls: number;
            rejectedByReason: {
                [key: string]: number;
            };
            doubtfulTimes: number;
            rejected: components["schemas"]["RejectedRow"][];
        };
        CallsMapping: {
            name: string;
            timeZone: string;
            /** @enum {string} */
            timeFormat: "MM/DD/YYYY hh:mm:ss A" | "YYYY-MM-DD HH:mm:ss" | "ISO 8601";
            columns: {
                callId: string;
                receivedAt: string;
                type: string;
                priority: string;
                address?: string;
                location?: string;
                latitude?: string;
                longitude?: string;
                jurisdiction?: string;
                unit: string;
                unitType?: string;
                sequence?: string;
                dispatchedAt: string;
                respondedAt?: string;
                onSceneAt?: string;
                clearedAt?: string;
            };
            /** @default {} */
            types?: {
                [key: string]: components["schemas"]["IncidentType"];
            };
            /** @default other */
            defaultType?: components["schemas"]["IncidentType"];
            /** @default {} */
            priorities?: {
                [key: string]: components["schemas"]["Priority"];
            };
            /** @default P3 */
            defaultPriority?: components["schemas"]["Priority"];
            /** @default [] */
            typeRules?: {
                pattern?: string;
                keywords?: string[];
                to: components["schemas"]["IncidentType"];
            }[];
            /** @default [] */
            priorityRules?: {
                pattern?: string;
                keywords?: string[];
                to: components["schemas"]["Priority"];
            }[];
            /** @default {} */
            unitKinds?: {
                [key: string]: components["schemas"]["UnitKind"];
            };
            /** @default [] */
            unitKindRules?: {
                pattern?: string;
                keywords?: string[];
                to: components["schemas"]["UnitKind"];
            }[];
            /** @default other */
            defaultUnitKind?: components["schemas"]["UnitKind"];
            /**
             * @default [
             *       "",
             *       "NULL",
             *       "N/A",
             *       "NA",
             *       "-"
             *     ]
             */
            nullTokens?: string[];
        };
        Campaign: {
            /** Format: uuid */
            id: string;
            title: string;
            issuerPath: string;
            categories: components["schemas"]["PlaceCategory"][];
            scopePaths: string[];
            /** Format: date-time */
            startsAt: string;
            /** Format: date-time */
            endsAt: string;
            /** Format: date-time */
            dueAt: string;
            /** Format: date-time */
            missedAt: string;
            assignments: number;
            /** Format: date-time */
            createdAt: string;
        };
        CampaignAssignment: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            placeId: string;
            placeName: string;
            category: components["schemas"]["PlaceCategory"];
            jurisdictionPath: string;
            /** Format: date-time */
            dueAt: string;
            /** Format: date-time */
            missedAt: string;
            /** @enum {string} */
            status: "pending" | "done" | "missed";
            inspectionId: string | null;
            doneAt: string | null;
        };
        CampaignProgress: {
            /** Format: uuid */
            campaignId: string;
            path: string;
            timeZone: string;
            total: number;
            days: components["schemas"]["CampaignProgressDay"][];
        };
        CampaignProgressDay: {
            date: string;
            inspected: number;
            inspectedToDate: number;
            missed: number;
            missedToDate: number;
            hazardsFound: number;
            hazardsRectified: number;
            hazardsOpen: number;
        };
        CancelAlertBody: {
            note: string;
        };
        CancelReinforcementBody: {
            reason?: string;
        };
        CasualtyCounts: {
            immediate: number;
            delayed: number;
            minor: number;
            deceased: number;
        };
        CasualtyTally: {
            immediate: number;
            delayed: number;
            minor: number;
            deceased: number;
            total: number;
        };
        ChangeLevelBody: {
            level: components["schemas"]["ResponseLevel"];
            reason: string;
        };
        ChecklistDefinition: {
            key: string;
            title: string;
            categories: components["schemas"]["PlaceCategory"][];
            source: string;
            sections: components["schemas"]["ChecklistSectionInput"][];
        };
        ChecklistItem: {
            key: string;
            text: string;
            answerType: components["schemas"]["AnswerType"];
            /** @default true */
            mandatory: boolean;
            /** @default 1 */
            weight: number;
            /** @default general */
            severity: components["schemas"]["HazardGrade"];
            min?: number;
            max?: number;
            options?: string[];
            failing?: string[];
            guidance?: string;
        };
        ChecklistItemInput: {
            key: string;
            text: string;
            answerType: components["schemas"]["AnswerType"];
            /** @default true */
            mandatory?: boolean;
            /** @default 1 */
            weight?: number;
            /** @default general */
            severity?: components["schemas"]["HazardGrade"];
            min?: number;
            max?: number;
            options?: string[];
            failing?: string[];
            guidance?: string;
        };
        ChecklistSection: {
            key: string;
            title: string;
            items: components["schemas"]["ChecklistItem"][];
        };
        ChecklistSectionInput: {
            key: string;
            title: string;
            items: components["schemas"]["ChecklistItemInput"][];
        };
        ChecklistTemplate: {
            key: string;
            title: string;
            categories: components["schemas"]["PlaceCategory"][];
            source: string;
            sections: components["schemas"]["ChecklistSection"][];
            /** Format: uuid */
            id: string;
            version: number;
            /** Format: date-time */
            createdAt: string;
            latest: boolean;
        };
        /**
         * @example {
         *       "disposition": "resolved",
         *       "note": "Fire out, scene handed to the owner"
         *     }
         */
        CloseIncidentBody: {
            disposition: components["schemas"]["IncidentDisposition"];
            note?: string;
        };
        CommandPosition: {
            /** Format: uuid */
            id: string;
            role: components["schemas"]["CommandRole"];
            section: components["schemas"]["Section"] | null;
            name: string | null;
            holder: components["schemas"]["PositionHolder"] | null;
            units: components["schemas"]["SectorUnit"][];
            casualties: components["schemas"]["CasualtyTally"] | null;
            /** Format: date-time */
            createdAt: string;
        };
        /** @enum {string} */
        CommandRole: "commander" | "section" | "sector";
        ComponentStats: {
            count: number;
            p50Seconds: number | null;
            p90Seconds: number | null;
            within: components["schemas"]["WithinShare"][];
            inconsistent: number;
        };
        /** @enum {string} */
        ControlledCategory: "firearms" | "ammunition" | "explosives" | "detonators" | "blasting_materials";
        Cordon: {
            kind: components["schemas"]["CordonKind"];
            area: {
                /** @constant */
                type: "Polygon";
                coordinates: [
                    number,
                    number
                ][][];
            };
            radiusM: number | null;
            closesRoads: boolean;
            /** Format: date-time */
            setAt: string;
            keyPlaces: {
                /** Format: uuid */
                id: string;
                name: string;
                category: string;
            }[];
            keyPlaceCounts: {
                [key: string]: number;
            };
        };
        CordonBody: {
            area?: components["schemas"]["GeoJsonPolygon"];
            radiusM?: number;
            /** @default false */
            closeRoads?: boolean;
        };
        /** @enum {string} */
        CordonKind: "inner" | "outer";
        CorrectionBody: {
            grade: components["schemas"]["HazardGrade"];
            title: string;
            description?: string;
        };
        CoverageCounts: {
            total: number;
            inspected: number;
            missed: number;
        };
        CoverageNode: {
            total: number;
            inspected: number;
            missed: number;
            path: string;
            name: string;
            own: components["schemas"]["CoverageCounts"];
            below: components["schemas"]["CoverageCounts"];
            byCategory: {
                [key: string]: components["schemas"]["CoverageCounts"];
            };
            children: components["schemas"]["CoverageNode"][];
        };
        CoverageShare: {
            minutes: number;
            covered: number;
            share: number;
        };
        CoverageTree: {
            total: number;
            inspected: number;
            missed: number;
            path: string;
            name: string;
            own: components["schemas"]["CoverageCounts"];
            below: components["schemas"]["CoverageCounts"];
            byCategory: {
                [key: string]: components["schemas"]["CoverageCounts"];
            };
            children: components["schemas"]["CoverageNode"][];
        };
        CoveredPlace: {
            /** Format: uuid */
            id: string;
            name: string;
            category: components["schemas"]["PlaceCategory"];
            jurisdictionPath: string;
            location: [
                number,
                number
            ];
            seconds: number | null;
            tier: (1 | 3 | 5) | null;
            nearestUnit: {
                /** Format: uuid */
                id: string;
                callSign: string;
            } | null;
            offRoad: boolean;
        };
        CreateApiTokenBody: {
            name: string;
            expiresInDays?: number;
        };
        CreateCampaignBody: {
            title: string;
            /** Format: uuid */
            jurisdictionId: string;
            categories: components["schemas"]["PlaceCategory"][];
            scopeJurisdictionIds?: string[];
            /** Format: date-time */
            startsAt: string;
            /** Format: date-time */
            endsAt: string;
            /** Format: date-time */
            dueAt?: string;
            /** Format: date-time */
            missedAt?: string;
        };
        CreateGoodsSiteBody: {
            /** Format: uuid */
            placeId: string;
            /** Format: uuid */
            supervisingJurisdictionId?: string;
            licence: components["schemas"]["LicenceInput"];
        };
        /**
         * @example {
         *       "type": "fire",
         *       "priority": "P1",
         *       "location": [
         *         9.5209,
         *         47.141
         *       ],
         *       "address": "Äulestrasse 20, Vaduz",
         *       "narrative": "Smoke from the roof of a two-storey house"
         *     }
         */
        CreateIncidentBody: {
            type: components["schemas"]["IncidentType"];
            priority: components["schemas"]["Priority"];
            location: [
                number,
                number
            ];
            address?: string;
            callerNumber?: string;
            narrative?: string;
            /** Format: date-time */
            receivedAt?: string;
        };
        CreateJurisdictionBody: {
            /** Format: uuid */
            parentId: string;
            name: string;
            slug?: string;
            level: string;
            boundary?: components["schemas"]["GeoJsonArea"];
        };
        CreateMutualAidBody: {
            /** Format: uuid */
            providingJurisdictionId: string;
            /** Format: uuid */
            requestingJurisdictionId: string;
            unitKinds: components["schemas"]["UnitKind"][];
            /** @default false */
            mutual?: boolean;
            note?: string;
        };
        CreatePlaceBody: {
            name: string;
            category: components["schemas"]["PlaceCategory"];
            geometry: components["schemas"]["PlaceGeometry"];
            /** Format: uuid */
            jurisdictionId?: string;
            operator?: string | null;
            contact?: string | null;
            responsiblePost?: string | null;
        };
        CreatePositionBody: {
            role: components["schemas"]["CommandRole"];
            section?: components["schemas"]["Section"];
            name?: string;
            /** Format: uuid */
            postId: string;
        };
        CreatePostBody: {
            /** Format: uuid */
            jurisdictionId: string;
            kind: components["schemas"]["PostKind"];
            title: string;
        };
        /**
         * @example {
         *       "kind": "fire_engine",
         *       "count": 2,
         *       "target": {
         *         "to": "above"
         *       },
         *       "timeoutSeconds": 120,
         *       "note": "Second-alarm fire, two more engines for water supply"
         *     }
         */
        CreateReinforcementBody: {
            kind?: components["schemas"]["UnitKind"];
            capability?: string;
            count: number;
            /**
             * @default {
             *       "to": "above"
             *     }
             */
            target?: components["schemas"]["ReinforcementTarget"];
            /** @default 120 */
            timeoutSeconds?: number;
            note?: string;
        };
        CreateStaffBody: {
            username: string;
            displayName: string;
            /**
             * @default staff
             * @enum {string}
             */
            kind?: "staff" | "device";
            /** Format: uuid */
            jurisdictionId: string;
            password?: string;
            /** @default [] */
            grants?: {
                role: components["schemas"]["Role"];
                /** Format: uuid */
                jurisdictionId: string;
            }[];
        };
        CreateStandingDutyBody: {
            /** Format: uuid */
            ownerPostId: string;
            title: string;
            category?: components["schemas"]["PlaceCategory"];
            everyDays: number;
            /** Format: date-time */
            startsAt: string;
            /** Format: date-time */
            endsAt?: string;
        };
        CreateTaskBody: {
            /** Format: uuid */
            directiveId?: string;
            /** Format: uuid */
            campaignId?: string;
            /** Format: uuid */
            parentTaskId?: string;
            /** Format: uuid */
            ownerPostId: string;
            title: string;
            /** Format: uuid */
            placeId?: string;
            category?: components["schemas"]["PlaceCategory"];
            /** Format: date-time */
            dueAt: string;
            /** @default 1 */
            weight?: number;
        };
        CreatedApiToken: {
            /** Format: uuid */
            id: string;
            name: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            expiresAt: string;
            lastUsedAt: string | null;
            token: string;
        };
        DeadlinePolicy: {
            jurisdictionPath: string;
            definedAt: string | null;
            generalDays: number;
            majorDays: number;
        };
        DeadlinePolicyBody: {
            generalDays: number;
            majorDays: number;
        };
        DeclareMajorIncidentBody: {
            /** Format: uuid */
            incidentId?: string;
            location?: [
                number,
                number
            ];
            title: string;
            level?: components["schemas"]["ResponseLevel"];
            casualtiesEstimate?: number;
            /** @default false */
            exercise?: boolean;
        };
        Directive: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            issuerJurisdictionId: string;
            issuerPath: string;
            title: string;
            content: string;
            requiredActions: string[];
            /** Format: date-time */
            acknowledgeBy: string;
            /** Format: date-time */
            reportBy: string;
            issuedBy: string | null;
            /** Format: date-time */
            issuedAt: string;
            targets: components["schemas"]["DirectiveTarget"][];
        };
        DirectiveRollup: {
            /** Format: uuid */
            directiveId: string;
            jurisdictionPath: string;
            self: components["schemas"]["DirectiveTarget"] | null;
            children: components["schemas"]["DirectiveRollupRow"][];
        };
        DirectiveRollupRow: {
            /** Format: uuid */
            jurisdictionId: string;
            jurisdictionPath: string;
            name: string;
            targets: number;
            acknowledged: number;
            reported: number;
            acknowledgementOverdue: number;
            reportOverdue: number;
        };
        DirectiveSummary: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            issuerJurisdictionId: string;
            issuerPath: string;
            title: string;
            content: string;
            requiredActions: string[];
            /** Format: date-time */
            acknowledgeBy: string;
            /** Format: date-time */
            reportBy: string;
            issuedBy: string | null;
            /** Format: date-time */
            issuedAt: string;
        };
        DirectiveTarget: {
            /** Format: uuid */
            jurisdictionId: string;
            jurisdictionPath: string;
            state: components["schemas"]["DirectiveTargetState"];
            /** Format: date-time */
            deliveredAt: string;
            acknowledgedAt: string | null;
            acknowledgedBy: string | null;
            acknowledgementNote: string | null;
            reportedAt: string | null;
            reportedBy: string | null;
            report: string | null;
            acknowledgementOverdue: boolean;
            reportOverdue: boolean;
            acknowledgementEscalatedAt: string | null;
            reportEscalatedAt: string | null;
        };
        /** @enum {string} */
        DirectiveTargetState: "delivered" | "acknowledged" | "reported";
        DiscrepancyReportRow: {
            jurisdictionPath: string;
            /** Format: uuid */
            siteId: string;
            siteName: string;
            reconciliations: number;
            discrepancies: number;
            major: number;
            general: number;
            /** Format: date-time */
            lastAt: string;
        };
        /** @enum {string} */
        DiscrepancySeverity: "none" | "within_tolerance" | "general" | "major";
        /**
         * @description The stable code of a problem (docs/errors.md)
         * @enum {string}
         */
        ErrorCode: "VALIDATION_FAILED" | "MALFORMED_REQUEST" | "AUTH_REQUIRED" | "AUTH_INVALID_CREDENTIALS" | "AUTH_SESSION_IDLE" | "AUTH_LOGIN_THROTTLED" | "AUTH_ACCOUNT_DISABLED" | "AUTH_MFA_CODE_INVALID" | "AUTH_MFA_TICKET_INVALID" | "AUTH_MFA_LOCKED" | "MFA_REQUIRED_FOR_ROLE" | "FORBIDDEN" | "ORIGIN_NOT_ALLOWED" | "NOT_FOUND" | "ROUTE_NOT_FOUND" | "METHOD_NOT_ALLOWED" | "CONFLICT" | "IDEMPOTENCY_KEY_REUSED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "RATE_LIMITED" | "GEOMETRY_INVALID" | "JURISDICTION_BOUNDARY_OUTSIDE_PARENT" | "JURISDICTION_BOUNDARY_OVERLAPS" | "JURISDICTION_BOUNDARY_CUTS_CHILD" | "JURISDICTION_LEVEL_INVALID" | "PLACE_OUTSIDE_JURISDICTION" | "NO_JURISDICTION_AT_POINT" | "HAZARD_TRANSITION_NOT_ALLOWED" | "UNIT_CALL_SIGN_TAKEN" | "UNIT_TRANSITION_NOT_ALLOWED" | "DISPATCH_UNIT_UNAVAILABLE" | "ASSIGNMENT_TRANSITION_NOT_ALLOWED" | "INCIDENT_CLOSED" | "INCIDENT_UNITS_COMMITTED" | "INCIDENT_IS_DUPLICATE" | "INCIDENT_DUPLICATE_NOT_ALLOWED" | "INCIDENT_NOT_DUPLICATE" | "DISPATCH_REASSIGN_NOT_ALLOWED" | "MUTUAL_AID_NESTED" | "MUTUAL_AID_REVOKED" | "REINFORCEMENT_TARGET_INVALID" | "REINFORCEMENT_NOT_OPEN" | "REINFORCEMENT_NOT_ADDRESSED" | "REINFORCEMENT_UNIT_NOT_LENDABLE" | "REINFORCEMENT_UNIT_UNAVAILABLE" | "REINFORCEMENT_TOO_MANY" | "DIRECTIVE_TARGET_OUTSIDE_SUBTREE" | "DIRECTIVE_TARGET_TRANSITION_NOT_ALLOWED" | "TASK_OWNER_OUTSIDE_SUBTREE" | "TASK_HAS_SUBTASKS" | "TASK_CHANGE_NOT_ALLOWED" | "MAJOR_INCIDENT_ALREADY_DECLARED" | "MAJOR_INCIDENT_STOOD_DOWN" | "MAJOR_INCIDENT_POSITION_TAKEN" | "MAJOR_INCIDENT_NOT_A_SECTOR" | "MAJOR_INCIDENT_UNIT_ELSEWHERE" | "MAJOR_INCIDENT_NO_COMMANDER" | "MAJOR_INCIDENT_CORDON_OUTSIDE_SCOPE" | "MAJOR_INCIDENT_NO_CORDON" | "MAJOR_INCIDENT_ALERT_LANGUAGES" | "MAJOR_INCIDENT_ALERT_NOT_FOUND" | "MAJOR_INCIDENT_ALERT_CANCELLED" | "MAJOR_INCIDENT_CHANGE_NOT_ALLOWED" | "GOODS_SITE_EXISTS" | "GOODS_NOT_LICENSED" | "GOODS_LICENCE_NOT_VALID" | "GOODS_INSUFFICIENT_BALANCE" | "GOODS_LICENCE_MAXIMUM_EXCEEDED" | "GOODS_LICENCE_BELOW_STOCK" | "GOODS_ITEM_CONFLICT" | "GOODS_TRANSFER_EXISTS" | "GOODS_TRANSFER_REVERSED" | "GOODS_ROUTE_NONE" | "GOODS_PERMIT_OUTSIDE_SCOPE" | "GOODS_PERMIT_FINISHED" | "BOUNDARY_FEATURES_REJECTED" | "HISTORY_ROWS_REJECTED" | "ONBOARD_ROWS_REJECTED" | "TRACE_WINDOW_INVALID" | "UPLOAD_TOO_LARGE" | "UPLOAD_TYPE_NOT_ALLOWED" | "PLACEMENT_MODEL_INVALID" | "PLACEMENT_TOO_LARGE" | "SERVICE_UNAVAILABLE" | "INTERNAL";
        Evidence: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            hazardId: string;
            filename: string;
            mediaType: string;
            sizeBytes: number;
            sha256: string;
            caption: string | null;
            uploadedBy: string | null;
            /** Format: date-time */
            uploadedAt: string;
        };
        EvidenceBody: {
            filename: string;
            mediaType: string;
            contentBase64: string;
            caption?: string;
        };
        ExtensionDecisionBody: {
            approve: boolean;
            note?: string;
        };
        ExtensionRequestBody: {
            reason: string;
            /** Format: date-time */
            requestedDueAt: string;
        };
        FindingBody: {
            description: string;
            correction?: components["schemas"]["CorrectionBody"];
        };
        GeoJsonArea: components["schemas"]["GeoJsonPolygon"] | components["schemas"]["GeoJsonMultiPolygon"];
        GeoJsonMultiPolygon: {
            /** @constant */
            type: "MultiPolygon";
            coordinates: [
                number,
                number
            ][][][];
        };
        GeoJsonPolygon: {
            /** @constant */
            type: "Polygon";
            coordinates: [
                number,
                number
            ][][];
        };
        GeocodeResponse: {
            results: components["schemas"]["GeocodeResult"][];
        };
        GeocodeResult: {
            label: string;
            /** @enum {string} */
            kind: "address" | "street" | "place" | "key_place" | "jurisdiction";
            point: {
                /** @constant */
                type: "Point";
                coordinates: [
                    number,
                    number
                ];
            };
            jurisdiction: components["schemas"]["OwningJurisdiction"] | null;
            confidence: number;
            interpolated: boolean;
            distanceM: number | null;
        };
        GoodsDiscrepancy: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            reconciliationId: string;
            /** Format: uuid */
            siteId: string;
            siteName: string;
            jurisdictionPath: string;
            itemKey: string;
            unit: components["schemas"]["GoodsUnit"];
            ledger: number;
            counted: number;
            difference: number;
            severity: components["schemas"]["DiscrepancySeverity"];
            hazardId: string | null;
            inspectionId: string | null;
            /** Format: date-time */
            at: string;
        };
        GoodsHolding: {
            key: string;
            /** @enum {string} */
            kind: "chemical" | "controlled";
            unNumber: string | null;
            hazardClass: components["schemas"]["HazardClass"] | null;
            category: components["schemas"]["ControlledCategory"] | null;
            name: string;
            unit: components["schemas"]["GoodsUnit"];
            maxQuantity: number;
            balance: number;
            /** Format: uuid */
            accountId: string;
        };
        GoodsSite: {
            /** Format: uuid */
            id: string;
            place: {
                /** Format: uuid */
                id: string;
                name: string;
                category: string;
                location: [
                    number,
                    number
                ];
                jurisdictionPath: string;
            };
            supervisingPath: string;
            supervisingName: string;
            licence: {
                number: string;
                /** Format: date-time */
                validFrom: string;
                /** Format: date-time */
                validUntil: string;
                expiryAlertDays: number;
                storageConditions: string;
                responsiblePerson: {
                    name: string;
                    role: string;
                };
                state: components["schemas"]["LicenceState"];
            };
            holdings: components["schemas"]["GoodsHolding"][];
            lapseHazardId: string | null;
            demo: boolean;
            version: number;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        GoodsTransfer: {
            /** Format: uuid */
            id: string;
            kind: components["schemas"]["TransferKind"];
            itemKey: string;
            unit: components["schemas"]["GoodsUnit"];
            quantity: number;
            debit: {
                /** Format: uuid */
                accountId: string;
                /** @enum {string} */
                kind: "stock" | "external" | "consumed" | "destroyed" | "lost" | "in_transit";
                /** Format: uuid */
                siteId: string;
                siteName: string;
            };
            credit: {
                /** Format: uuid */
                accountId: string;
                /** @enum {string} */
                kind: "stock" | "external" | "consumed" | "destroyed" | "lost" | "in_transit";
                /** Format: uuid */
                siteId: string;
                siteName: string;
            };
            reverses: string | null;
            reversedBy: string | null;
            counterparty: string | null;
            note: string | null;
            recordedBy: {
                id: string | null;
                name: string;
            };
            /** Format: date-time */
            at: string;
        };
        /** @enum {string} */
        GoodsUnit: "g" | "ml" | "round" | "item";
        Grant: {
            /** Format: uuid */
            id: string;
            role: components["schemas"]["Role"];
            /** Format: uuid */
            jurisdictionId: string;
            jurisdictionPath: string;
            jurisdictionName: string;
        };
        GrantReinforcementBody: {
            unitIds: string[];
            note?: string;
        };
        HandPositionBody: {
            /** Format: uuid */
            postId: string;
        };
        HandoverBody: {
            userId: string | null;
        };
        Hazard: {
            /** Format: uuid */
            id: string;
            placeId: string | null;
            placeName: string | null;
            jurisdictionPath: string;
            grade: components["schemas"]["HazardGrade"];
            state: components["schemas"]["HazardState"];
            title: string;
            description: string | null;
            inspectionId: string | null;
            checklistItemKey: string | null;
            supervisionVisitId: string | null;
            raisedBy: string | null;
            /** Format: date-time */
            raisedAt: string;
            /** Format: date-time */
            dueAt: string;
            overdue: boolean;
            rectificationPlan: string | null;
            interimControls: string | null;
            stopUse: boolean;
            fixNote: string | null;
            submittedBy: string | null;
            verificationNote: string | null;
            escalatedTo: string | null;
            supervisedBy: string | null;
            extensions: components["schemas"]["HazardExtension"][];
            version: number;
            /** Format: date-time */
            updatedAt: string;
        };
        HazardActionBody: {
            /** @constant */
            action: "start";
            rectificationPlan?: string;
            interimControls?: string;
            /** @default false */
            stopUse?: boolean;
        } | {
            /** @constant */
            action: "submit";
            fixNote: string;
        } | {
            /** @constant */
            action: "reject";
            reason: string;
        } | {
            /** @constant */
            action: "verify";
            note: string;
        } | {
            /** @constant */
            action: "close";
        };
        HazardBoard: {
            jurisdictionPath: string;
            overdue: number;
            supervised: number;
            items: components["schemas"]["Hazard"][];
        };
        /** @enum {string} */
        HazardClass: "3" | "7" | "8" | "9" | "1.1" | "1.2" | "1.3" | "1.4" | "1.5" | "1.6" | "2.1" | "2.2" | "2.3" | "4.1" | "4.2" | "4.3" | "5.1" | "5.2" | "6.1" | "6.2";
        HazardExtension: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            state: "pending" | "approved" | "denied";
            reason: string;
            /** Format: date-time */
            requestedDueAt: string;
            requestedBy: string | null;
            /** Format: date-time */
            requestedAt: string;
            decidedBy: string | null;
            decidedAt: string | null;
            note: string | null;
        };
        /** @enum {string} */
        HazardGrade: "general" | "major";
        HazardPage: {
            items: components["schemas"]["Hazard"][];
            nextCursor: string | null;
        };
        HazardReport: {
            /** Format: date-time */
            from: string;
            /** Format: date-time */
            to: string;
            total: components["schemas"]["HazardReportRow"];
            rows: components["schemas"]["HazardReportRow"][];
        };
        HazardReportRow: {
            jurisdictionPath: string;
            name: string;
            found: number;
            foundMajor: number;
            fixed: number;
            open: number;
            overdue: number;
        };
        /** @enum {string} */
        HazardState: "open" | "rectifying" | "submitted" | "verified" | "closed";
        HistoryEntry: {
            /** Format: date-time */
            at: string;
            action: string;
            actorName: string | null;
            before: unknown;
            after: unknown;
        };
        HolderAt: {
            /** Format: uuid */
            postId: string;
            /** Format: date-time */
            at: string;
            holder: components["schemas"]["PostHolding"] | null;
        };
        ImportBatch: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            jurisdictionId: string;
            jurisdictionPath: string;
            file: string;
            mapping: string;
            /** Format: date-time */
            importedAt: string;
            importedBy: string;
            calls: number;
            responses: number;
            doubtfulTimes: number;
            undoneAt: string | null;
            undoneBy: string | null;
        };
        ImportBatchList: {
            items: components["schemas"]["ImportBatch"][];
        };
        ImportCallsBody: {
            /** Format: uuid */
            jurisdictionId: string;
            mapping: string | components["schemas"]["CallsMapping"];
            /** @default upload */
            source?: string;
            csv: string;
            /** @default false */
            dryRun?: boolean;
            /** @default false */
            allowPartial?: boolean;
        };
        Incident: {
            /** Format: uuid */
            id: string;
            type: components["schemas"]["IncidentType"];
            priority: components["schemas"]["Priority"];
            state: components["schemas"]["IncidentState"];
            /** Format: uuid */
            jurisdictionId: string;
            jurisdictionPath: string;
            location: [
                number,
                number
            ] | null;
            address: string | null;
            callerNumber: string | null;
            callerPurgedAt: string | null;
            narrative: string | null;
            /** Format: date-time */
            receivedAt: string;
            tiers: components["schemas"]["TierStatus"][];
            origin: components["schemas"]["IncidentOrigin"];
            externalRef: string | null;
            closedAt: string | null;
            disposition: components["schemas"]["IncidentDisposition"] | null;
            duplicateOf: string | null;
            version: number;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        /** @enum {string} */
        IncidentDisposition: "resolved" | "false_alarm" | "cancelled_by_caller" | "no_action_needed" | "referred";
        /** @enum {string} */
        IncidentOrigin: "live" | "historical" | "simulated";
        IncidentPage: {
            items: components["schemas"]["Incident"][];
            nextCursor: string | null;
        };
        /** @enum {string} */
        IncidentState: "open" | "closed";
        /** @enum {string} */
        IncidentType: "traffic_accident" | "fire" | "explosion" | "hazmat_leak" | "violent_crime" | "campus_incident" | "medical" | "public_disorder" | "rescue" | "other";
        Inspection: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            placeId: string;
            jurisdictionPath: string;
            /** Format: uuid */
            templateId: string;
            templateKey: string;
            templateVersion: number;
            inspectorId: string | null;
            /** Format: date-time */
            recordedAt: string;
            answers: components["schemas"]["Answer"][];
            score: number;
            maxScore: number;
            scorePercent: number | null;
            failedItems: string[];
            hazardIds: string[];
            position: {
                lon: number;
                lat: number;
                accuracyM: number | null;
            } | null;
            distanceM: number | null;
            farFromPlace: boolean;
            note: string | null;
        };
        IntervalStats: {
            count: number;
            p50Seconds: number | null;
            p90Seconds: number | null;
        };
        IsochroneFeature: {
            /** @constant */
            type: "Feature";
            geometry: {
                /** @constant */
                type: "MultiPolygon";
                coordinates: [
                    number,
                    number
                ][][][];
            };
            properties: {
                minutes: number;
                /** @enum {string} */
                direction: "to_place" | "from_units";
            };
        };
        Isochrones: {
            /** @constant */
            type: "FeatureCollection";
            features: components["schemas"]["IsochroneFeature"][];
            snapped: [
                number,
                number
            ] | null;
            units: number | null;
            computedAt: string;
        };
        IssueAlertBody: {
            area: components["schemas"]["AlertArea"];
            /**
             * @default [
             *       "Safety"
             *     ]
             */
            categories?: ("Geo" | "Met" | "Safety" | "Security" | "Rescue" | "Fire" | "Health" | "Env" | "Transport" | "Infra" | "CBRNE" | "Other")[];
            /** @enum {string} */
            responseType?: "Shelter" | "Evacuate" | "Prepare" | "Execute" | "Avoid" | "Monitor" | "Assess" | "AllClear" | "None";
            /** @enum {string} */
            urgency: "Immediate" | "Expected" | "Future" | "Past" | "Unknown";
            /** @enum {string} */
            severity: "Extreme" | "Severe" | "Moderate" | "Minor" | "Unknown";
            /** @enum {string} */
            certainty: "Observed" | "Likely" | "Possible" | "Unlikely" | "Unknown";
            /** @default 360 */
            expiresInMinutes?: number;
            info: components["schemas"]["AlertInfoText"][];
        };
        /**
         * @example {
         *       "issuerJurisdictionId": "0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a30",
         *       "title": "Inspect every fuel station before the holiday weekend",
         *       "content": "Check fire extinguishers, emergency shut-offs and escape routes; report findings as hazards.",
         *       "requiredActions": [
         *         "Inspect each fuel station in your area",
         *         "Report back with the number inspected"
         *       ],
         *       "targetJurisdictionIds": [
         *         "0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a31",
         *         "0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a32"
         *       ],
         *       "acknowledgeBy": "2026-12-20T12:00:00Z",
         *       "reportBy": "2026-12-23T18:00:00Z"
         *     }
         */
        IssueDirectiveBody: {
            /** Format: uuid */
            issuerJurisdictionId: string;
            title: string;
            content: string;
            requiredActions: string[];
            targetJurisdictionIds: string[];
            /** Format: date-time */
            acknowledgeBy: string;
            /** Format: date-time */
            reportBy: string;
        };
        IssuePermitBody: {
            /** Format: uuid */
            fromSiteId: string;
            /** Format: uuid */
            toSiteId: string;
            itemKey: string;
            quantity: number;
            vehicle: string;
            window: {
                /** Format: date-time */
                from: string;
                /** Format: date-time */
                until: string;
            };
            /** @default 200 */
            corridorMeters?: number;
            /** @default 10 */
            maxStopMinutes?: number;
            /** @default 5 */
            darkAfterMinutes?: number;
            note?: string;
        };
        Jurisdiction: {
            /** Format: uuid */
            id: string;
            parentId: string | null;
            path: string;
            name: string;
            names: {
                [key: string]: string;
            };
            level: string;
            osmId: number | null;
            code: string | null;
        };
        JurisdictionDetail: {
            /** Format: uuid */
            id: string;
            parentId: string | null;
            path: string;
            name: string;
            names: {
                [key: string]: string;
            };
            level: string;
            osmId: number | null;
            code: string | null;
            boundary: components["schemas"]["StoredGeoJsonArea"] | null;
            areaKm2: number | null;
        };
        JurisdictionName: {
            path: string;
            name: string;
            names: {
                [key: string]: string;
            };
            parent: {
                name: string;
                names: {
                    [key: string]: string;
                };
            } | null;
            ambiguous: boolean;
        };
        JurisdictionNode: {
            /** Format: uuid */
            id: string;
            parentId: string | null;
            path: string;
            name: string;
            names: {
                [key: string]: string;
            };
            level: string;
            osmId: number | null;
            code: string | null;
            children: components["schemas"]["JurisdictionNode"][];
        };
        LentUnit: {
            /** Format: uuid */
            unitId: string;
            callSign: string;
            kind: components["schemas"]["UnitKind"];
            jurisdictionPath: string;
        };
        LevelInfo: {
            key: string;
            depth: number;
            names: components["schemas"]["LevelNames"];
        };
        LevelNames: {
            en: string;
            "zh-CN": string;
        };
        LicenceInput: {
            number: string;
            /** Format: date-time */
            validFrom: string;
            /** Format: date-time */
            validUntil: string;
            /** @default 30 */
            expiryAlertDays?: number;
            storageConditions: string;
            responsiblePerson: {
                name: string;
                role: string;
            };
            items: components["schemas"]["LicensedItemInput"][];
        };
        /** @enum {string} */
        LicenceState: "not_yet_valid" | "valid" | "expiring" | "lapsed";
        LicensedItemInput: {
            /** @constant */
            kind: "chemical";
            unNumber: string;
            hazardClass: components["schemas"]["HazardClass"];
            name: string;
            /** @enum {string} */
            unit: "g" | "ml";
            maxQuantity: number;
        } | {
            /** @constant */
            kind: "controlled";
            category: components["schemas"]["ControlledCategory"];
            name: string;
            unit: components["schemas"]["GoodsUnit"];
            maxQuantity: number;
        };
        /**
         * @example {
         *       "duplicateOf": "0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2e"
         *     }
         */
        LinkDuplicateBody: {
            /** Format: uuid */
            duplicateOf: string;
        };
        LiveCoverage: {
            /** Format: date-time */
            computedAt: string;
            jurisdiction: {
                /** Format: uuid */
                id: string;
                path: string;
                name: string;
            } | null;
            categories: components["schemas"]["PlaceCategory"][] | null;
            units: number;
            places: number;
            tiers: components["schemas"]["CoverageShare"][];
            uncovered: number;
            items: components["schemas"]["CoveredPlace"][];
            truncated: boolean;
        };
        /**
         * @example {
         *       "username": "dispatcher.vaduz",
         *       "password": "correct horse battery staple"
         *     }
         */
        LoginBody: {
            username: string;
            password: string;
        };
        LoginResponse: components["schemas"]["Me"] | components["schemas"]["MfaChallenge"];
        MajorIncident: {
            /** Format: uuid */
            id: string;
            incidentId: string | null;
            title: string;
            level: components["schemas"]["ResponseLevel"];
            levelName: string;
            exercise: boolean;
            /** @enum {string} */
            state: "active" | "stood_down";
            location: [
                number,
                number
            ];
            jurisdiction: {
                /** Format: uuid */
                id: string;
                path: string;
                name: string;
            };
            command: {
                /** Format: uuid */
                id: string;
                path: string;
                name: string;
            };
            inform: {
                /** Format: uuid */
                id: string;
                path: string;
                name: string;
            };
            /** Format: date-time */
            declaredAt: string;
            declaredBy: string | null;
            stoodDownAt: string | null;
            reportUp: components["schemas"]["ReportUpClock"][];
            sitrep: {
                intervalMinutes: number;
                dueAt: string | null;
                lastAt: string | null;
                count: number;
                missed: number;
            };
            casualties: components["schemas"]["CasualtyTally"];
            version: number;
            positions: components["schemas"]["CommandPosition"][];
            cordons: components["schemas"]["Cordon"][];
            points: components["schemas"]["MajorPoint"][];
        };
        MajorIncidentSummary: {
            /** Format: uuid */
            id: string;
            incidentId: string | null;
            title: string;
            level: components["schemas"]["ResponseLevel"];
            levelName: string;
            exercise: boolean;
            /** @enum {string} */
            state: "active" | "stood_down";
            location: [
                number,
                number
            ];
            jurisdiction: {
                /** Format: uuid */
                id: string;
                path: string;
                name: string;
            };
            command: {
                /** Format: uuid */
                id: string;
                path: string;
                name: string;
            };
            inform: {
                /** Format: uuid */
                id: string;
                path: string;
                name: string;
            };
            /** Format: date-time */
            declaredAt: string;
            declaredBy: string | null;
            stoodDownAt: string | null;
            reportUp: components["schemas"]["ReportUpClock"][];
            sitrep: {
                intervalMinutes: number;
                dueAt: string | null;
                lastAt: string | null;
                count: number;
                missed: number;
            };
            casualties: components["schemas"]["CasualtyTally"];
            version: number;
        };
        MajorPoint: {
            /** Format: uuid */
            id: string;
            kind: components["schemas"]["MajorPointKind"];
            name: string;
            location: [
                number,
                number
            ];
            note: string | null;
            /** Format: date-time */
            createdAt: string;
        };
        /** @enum {string} */
        MajorPointKind: "staging" | "traffic_control" | "access" | "evacuation";
        MajorTimelineEntry: {
            /** Format: date-time */
            at: string;
            action: string;
            actor: string | null;
            detail: {
                [key: string]: unknown;
            } | null;
        };
        MarkAlertsBody: {
            /** @default [] */
            seen?: string[];
            /** @default [] */
            read?: string[];
        };
        MarkAlertsResult: {
            firstSeen: string[];
        };
        Me: {
            /** Format: uuid */
            id: string;
            username: string;
            displayName: string;
            /** @enum {string} */
            kind: "staff" | "device";
            grants: components["schemas"]["Grant"][];
            permissions: string[];
        };
        MfaChallenge: {
            mfa: components["schemas"]["MfaStep"];
            ticket: string;
            /** Format: date-time */
            expiresAt: string;
        };
        MfaConfirmBody: {
            code: string;
        };
        MfaEnrolledLogin: {
            recoveryCodes: string[];
            me: components["schemas"]["Me"];
        };
        MfaEnrolment: {
            secret: string;
            otpauthUri: string;
            issuer: string;
            account: string;
        };
        MfaReauthBody: {
            password: string;
            code: string;
        };
        MfaStatus: {
            enrolled: boolean;
            required: boolean;
            enrolledAt: string | null;
            recoveryCodesLeft: number;
        };
        /** @enum {string} */
        MfaStep: "verify" | "enrol";
        MfaTicketBody: {
            ticket: string;
        };
        MfaTicketConfirmBody: {
            ticket: string;
            code: string;
        };
        MfaVerifyBody: {
            ticket: string;
            code: string;
        };
        MutualAidAgreement: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            providingJurisdictionId: string;
            providingJurisdictionPath: string;
            /** Format: uuid */
            requestingJurisdictionId: string;
            requestingJurisdictionPath: string;
            unitKinds: components["schemas"]["UnitKind"][];
            mutual: boolean;
            note: string | null;
            createdBy: string | null;
            /** Format: date-time */
            createdAt: string;
            revokedAt: string | null;
            version: number;
        };
        MutualAidMark: {
            /** Format: uuid */
            agreementId: string;
            providingJurisdictionPath: string;
        };
        OnboardBatch: {
            /** Format: uuid */
            id: string;
            kind: components["schemas"]["OnboardKind"];
            file: string;
            scopePath: string;
            /** Format: date-time */
            importedAt: string;
            importedBy: string;
            created: number;
            updated: number;
            unchanged: number;
            rejected: number;
            undoneAt: string | null;
            undoneBy: string | null;
        };
        OnboardBatchList: {
            items: components["schemas"]["OnboardBatch"][];
        };
        /** @enum {string} */
        OnboardEncoding: "auto" | "utf-8" | "utf-16le" | "utf-16be" | "gb18030" | "gbk" | "big5" | "shift_jis" | "euc-kr" | "windows-1252" | "iso-8859-1";
        /** @enum {string} */
        OnboardKind: "stations" | "units" | "staff" | "places" | "plans";
        OnboardReport: {
            kind: components["schemas"]["OnboardKind"];
            file: string;
            dryRun: boolean;
            batchId: string | null;
            rows: number;
            created: number;
            updated: number;
            unchanged: number;
            rejected: number;
            refused: boolean;
            items: components["schemas"]["OnboardRow"][];
            secrets: components["schemas"]["OnboardSecret"][];
        };
        OnboardRow: {
            row: number;
            key: string;
            /** @enum {string} */
            status: "created" | "updated" | "unchanged" | "rejected";
            field?: string;
            reason?: string;
            /** Format: uuid */
            id?: string;
        };
        OnboardSecret: {
            username: string;
            password: string;
        };
        OwningJurisdiction: {
            /** Format: uuid */
            id: string;
            path: string;
            name: string;
        };
        PermitActionBody: {
            note?: string;
        };
        /** @enum {string} */
        PermitState: "issued" | "in_transit" | "arrived" | "received" | "cancelled";
        Place: {
            /** Format: uuid */
            id: string;
            name: string;
            category: components["schemas"]["PlaceCategory"];
            /** Format: uuid */
            jurisdictionId: string;
            jurisdictionPath: string;
            geometry: components["schemas"]["StoredPlaceGeometry"];
            location: [
                number,
                number
            ];
            operator: string | null;
            contact: string | null;
            responsiblePost: string | null;
            osm: {
                /** @enum {string} */
                type: "node" | "way";
                id: number;
            } | null;
            version: number;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        /** @enum {string} */
        PlaceCategory: "school" | "kindergarten" | "hospital" | "fuel_station" | "hazardous_chemicals" | "explosives_magazine" | "crowded_place" | "road_black_spot" | "fire_station" | "police_station" | "other";
        PlaceGeometry: {
            /** @constant */
            type: "Point";
            coordinates: [
                number,
                number
            ];
        } | {
            /** @constant */
            type: "LineString";
            coordinates: [
                number,
                number
            ][];
        } | {
            /** @constant */
            type: "Polygon";
            coordinates: [
                number,
                number
            ][][];
        };
        PlacePage: {
            items: components["schemas"]["Place"][];
            nextCursor: string | null;
            total: number;
        };
        PlaceRisk: {
            /** Format: uuid */
            placeId: string;
            name: string;
            category: string;
            jurisdictionPath: string;
            location: [
                number,
                number
            ];
            lastInspectedAt: string | null;
            openMajor: number;
            openGeneral: number;
            overdue: number;
            risk: {
                score: number;
                category: number;
                majorHazards: number;
                generalHazards: number;
                overdue: number;
                inspectionAge: number;
            };
        };
        PlacementPost: {
            location: [
                number,
                number
            ];
            /** @enum {string} */
            source: "station" | "place" | "point";
            placeId: string | null;
            name: string | null;
            serves: number;
        };
        PlacementRequest: {
            /** @enum {string} */
            kind: "mclp" | "p-median";
            p: number;
            minutes?: number;
            /** Format: uuid */
            jurisdictionId?: string;
            /** @default {} */
            demand?: {
                categories?: components["schemas"]["PlaceCategory"][];
                weights?: {
                    [key: string]: number;
                };
            };
            /**
             * @default {
             *       "sources": [
             *         "stations",
             *         "places"
             *       ],
             *       "points": []
             *     }
             */
            candidates?: {
                /**
                 * @default [
                 *       "stations",
                 *       "places"
                 *     ]
                 */
                sources?: ("stations" | "places")[];
                /** @default [] */
                points?: [
                    number,
                    number
                ][];
            };
            /**
             * @default auto
             * @enum {string}
             */
            method?: "auto" | "exact" | "heuristic" | "greedy";
            /** @default 10 */
            timeLimitSeconds?: number;
        };
        PlacementResult: {
            /** @enum {string} */
            kind: "mclp" | "p-median";
            /** @enum {string} */
            method: "exact" | "heuristic" | "greedy";
            p: number;
            minutes: number | null;
            demand: number;
            candidates: number;
            objective: number;
            bound: number;
            gap: number;
            timedOut: boolean;
            summary: number;
            milliseconds: number;
            posts: components["schemas"]["PlacementPost"][];
        };
        PositionHolder: {
            /** Format: uuid */
            postId: string;
            postTitle: string;
            postJurisdictionPath: string;
            person: {
                /** Format: uuid */
                userId: string;
                displayName: string;
            } | null;
            /** Format: date-time */
            since: string;
        };
        PossibleDuplicate: {
            /** Format: uuid */
            id: string;
            type: components["schemas"]["IncidentType"];
            priority: components["schemas"]["Priority"];
            state: components["schemas"]["IncidentState"];
            jurisdictionPath: string;
            location: [
                number,
                number
            ];
            address: string | null;
            /** Format: date-time */
            receivedAt: string;
            distanceMetres: number;
            minutesApart: number;
        };
        PossibleDuplicates: {
            radiusMetres: number;
            windowMinutes: number;
            items: components["schemas"]["PossibleDuplicate"][];
        };
        Post: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            jurisdictionId: string;
            jurisdictionPath: string;
            kind: components["schemas"]["PostKind"];
            title: string;
            holder: components["schemas"]["PostHolding"] | null;
            /** Format: date-time */
            createdAt: string;
        };
        PostHolding: {
            /** Format: uuid */
            userId: string;
            displayName: string;
            /** Format: date-time */
            from: string;
            to: string | null;
        };
        /** @enum {string} */
        PostKind: "leader" | "deputy" | "head_of_department" | "duty_post" | "other";
        Premise: {
            location: [
                number,
                number
            ];
            jurisdiction: {
                /** Format: uuid */
                id: string;
                path: string;
                name: string;
                level: string;
            } | null;
            onDuty: {
                posts: {
                    /** Format: uuid */
                    id: string;
                    title: string;
                    jurisdictionPath: string;
                    holder: string | null;
                }[];
                units: {
                    /** Format: uuid */
                    id: string;
                    callSign: string;
                    /** @enum {string} */
                    status: "available" | "at_station" | "dispatched" | "en_route" | "on_scene" | "transporting" | "out_of_service";
                }[];
            };
            keyPlaces: {
                /** Format: uuid */
                id: string;
                name: string;
                /** @enum {string} */
                category: "school" | "kindergarten" | "hospital" | "fuel_station" | "hazardous_chemicals" | "explosives_magazine" | "crowded_place" | "road_black_spot" | "fire_station" | "police_station" | "other";
                location: [
                    number,
                    number
                ];
                distanceMetres: number;
            }[];
            hazards: {
                /** Format: uuid */
                id: string;
                title: string;
                /** @enum {string} */
                grade: "general" | "major";
                state: string;
                /** Format: uuid */
                placeId: string;
                placeName: string;
                distanceMetres: number;
                /** Format: date-time */
                raisedAt: string;
                ageDays: number;
                /** Format: date-time */
                dueAt: string;
                overdue: boolean;
            }[];
            recentIncidents: {
                /** Format: uuid */
                id: string;
                type: components["schemas"]["IncidentType"];
                priority: components["schemas"]["Priority"];
                state: components["schemas"]["IncidentState"];
                /** Format: date-time */
                receivedAt: string;
                address: string | null;
                distanceMetres: number;
            }[];
            dangerousGoods: {
                /** Format: uuid */
                siteId: string;
                name: string;
                distanceMetres: number;
                /** @enum {string} */
                licenceState: "not_yet_valid" | "valid" | "expiring" | "lapsed";
                items: {
                    key: string;
                    unNumber: string | null;
                    hazardClass: string | null;
                    category: string | null;
                    name: string;
                    unit: string;
                    balance: number;
                }[];
            }[];
            duplicates: components["schemas"]["PossibleDuplicates"] | null;
        };
        /** @enum {string} */
        Priority: "P1" | "P2" | "P3" | "P4";
        Problem: {
            type: string;
            title: string;
            status: number;
            code: components["schemas"]["ErrorCode"];
            detail?: string;
            instance?: string;
            requestId?: string;
            errors?: {
                path: string;
                message: string;
            }[];
        };
        ProgressReportBody: {
            percent: number;
            note: string;
            /** @default [] */
            evidence?: components["schemas"]["EvidenceBody"][];
        };
        ProtectedZone: {
            id: string;
            kind: components["schemas"]["ProtectedZoneKind"];
            name: string;
            area: {
                /** @constant */
                type: "Polygon";
                coordinates: [
                    number,
                    number
                ][][];
            };
        };
        /** @enum {string} */
        ProtectedZoneKind: "school" | "kindergarten" | "cordon";
        PublicAlert: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            threadId: string;
            /** Format: uuid */
            majorIncidentId: string;
            identifier: string;
            sender: string;
            sent: string;
            expires: string;
            /** @enum {string} */
            status: "Actual" | "Exercise";
            /** @enum {string} */
            msgType: "Alert" | "Update" | "Cancel";
            references: string | null;
            superseded: boolean;
            /** @enum {string} */
            urgency: "Immediate" | "Expected" | "Future" | "Past" | "Unknown";
            /** @enum {string} */
            severity: "Extreme" | "Severe" | "Moderate" | "Minor" | "Unknown";
            /** @enum {string} */
            certainty: "Observed" | "Likely" | "Possible" | "Unlikely" | "Unknown";
            categories: ("Geo" | "Met" | "Safety" | "Security" | "Rescue" | "Fire" | "Health" | "Env" | "Transport" | "Infra" | "CBRNE" | "Other")[];
            responseType: ("Shelter" | "Evacuate" | "Prepare" | "Execute" | "Avoid" | "Monitor" | "Assess" | "AllClear" | "None") | null;
            /** @enum {string} */
            areaSource: "inner" | "outer" | "drawn";
            area: {
                /** @constant */
                type: "Polygon";
                coordinates: [
                    number,
                    number
                ][][];
            };
            info: components["schemas"]["AlertInfoText"][];
            note: string | null;
            /** Format: date-time */
            createdAt: string;
            createdBy: string | null;
        };
        /**
         * @example {
         *       "placeId": "0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2d",
         *       "grade": "major",
         *       "title": "Fire exit blocked by stored pallets",
         *       "description": "Ground floor, east stairwell"
         *     }
         */
        RaiseHazardBody: {
            /** Format: uuid */
            placeId: string;
            grade: components["schemas"]["HazardGrade"];
            title: string;
            description?: string;
            /** Format: date-time */
            dueAt?: string;
        };
        /**
         * @example {
         *       "incidentId": "0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2e"
         *     }
         */
        ReassignBody: {
            /** Format: uuid */
            incidentId?: string;
            /** Format: uuid */
            unitId?: string;
        };
        ReassignTaskBody: {
            /** Format: uuid */
            ownerPostId: string;
            reason: string;
        };
        Reassignment: {
            ended: components["schemas"]["Assignment"];
            started: components["schemas"]["Assignment"];
        };
        Recommendation: {
            /** Format: uuid */
            unitId: string;
            callSign: string;
            kind: components["schemas"]["UnitKind"];
            status: components["schemas"]["UnitStatus"];
            jurisdictionPath: string;
            etaSeconds: number | null;
            arrivesAt: string | null;
            /** @enum {string} */
            positionSource: "avl" | "avl_stale" | "home";
            makesTiers: number[];
            planSlot: {
                tier: number;
                kind: components["schemas"]["UnitKind"];
                capability?: string;
            } | null;
            mutualAid: components["schemas"]["MutualAidMark"] | null;
            lent?: {
                /** Format: uuid */
                requestId: string;
                lendingJurisdictionPath: string;
            } | null;
        };
        Recommendations: {
            /** Format: uuid */
            incidentId: string;
            /** Format: date-time */
            computedAt: string;
            items: components["schemas"]["Recommendation"][];
            plan: components["schemas"]["ResponsePlan"] | null;
            unfilled: components["schemas"]["UnfilledSlot"][];
            /** @enum {string} */
            card: "plan" | "type_default";
            shortfall: components["schemas"]["ShortfallSlot"][];
        };
        ReconcileBody: {
            /** Format: uuid */
            inspectionId?: string;
            counts: {
                itemKey: string;
                counted: number;
            }[];
            note?: string;
        };
        Reconciliation: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            siteId: string;
            /** Format: date-time */
            at: string;
            discrepancies: components["schemas"]["GoodsDiscrepancy"][];
        };
        RecordInspectionBody: {
            /** Format: uuid */
            placeId: string;
            /** Format: uuid */
            templateId: string;
            answers: components["schemas"]["Answer"][];
            position?: {
                lon: number;
                lat: number;
                accuracyM?: number;
            };
            note?: string;
            verifies?: string[];
        };
        RecordTransferBody: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "receipt" | "issue" | "transfer" | "consumption" | "destruction" | "loss";
            /** Format: uuid */
            siteId: string;
            itemKey: string;
            quantity: number;
            /** Format: uuid */
            toSiteId?: string;
            counterparty?: string;
            note?: string;
        };
        RecordTransfersBody: {
            transfers: components["schemas"]["RecordTransferBody"][];
        };
        RecordVisitBody: {
            subjectType: components["schemas"]["SupervisionSubject"];
            /** Format: uuid */
            subjectId: string;
            /** Format: date-time */
            visitedAt?: string;
            summary: string;
            /** @default [] */
            findings?: components["schemas"]["FindingBody"][];
            /** @default [] */
            verifies?: string[];
        };
        RecordedTransfers: {
            transfers: components["schemas"]["GoodsTransfer"][];
            replayed: boolean[];
        };
        RecoveryCodes: {
            recoveryCodes: string[];
        };
        RedecomposeTaskBody: {
            parentTaskId?: string | null;
            weight?: number;
            /** Format: date-time */
            dueAt?: string;
            reason: string;
        };
        RefuseReinforcementBody: {
            reason: string;
        };
        /**
         * @example {
         *       "callSign": "E 41",
         *       "kind": "fire_engine",
         *       "jurisdictionId": "0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a30",
         *       "homeStationId": "0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a33",
         *       "crewSize": 4,
         *       "capabilities": [
         *         "pump",
         *         "water"
         *       ],
         *       "onDuty": true
         *     }
         */
        RegisterUnitBody: {
            callSign: string;
            kind: components["schemas"]["UnitKind"];
            /** Format: uuid */
            jurisdictionId: string;
            /** Format: uuid */
            homeStationId?: string;
            homeLocation?: [
                number,
                number
            ];
            crewSize: number;
            /** @default [] */
            capabilities?: string[];
            /** @default false */
            onDuty?: boolean;
        };
        ReinforcementCandidate: {
            /** Format: uuid */
            unitId: string;
            callSign: string;
            kind: components["schemas"]["UnitKind"];
            jurisdictionPath: string;
            capabilities: string[];
            etaSeconds: number | null;
        };
        ReinforcementRequest: {
            /** Format: uuid */
            id: string;
            incident: {
                /** Format: uuid */
                id: string;
                type: components["schemas"]["IncidentType"];
                priority: components["schemas"]["Priority"];
                jurisdictionPath: string;
                location: [
                    number,
                    number
                ] | null;
                address: string | null;
            };
            kind: components["schemas"]["UnitKind"] | null;
            capability: string | null;
            count: number;
            granted: number;
            state: components["schemas"]["ReinforcementState"];
            targetPath: string | null;
            answerDueAt: string | null;
            timeoutSeconds: number;
            requestedBy: {
                /** Format: uuid */
                id: string;
                name: string;
            };
            note: string | null;
            /** Format: date-time */
            createdAt: string;
            closedAt: string | null;
            lent: components["schemas"]["LentUnit"][];
            steps: components["schemas"]["ReinforcementStep"][];
            names: {
                [key: string]: string;
            };
            version: number;
        };
        /** @enum {string} */
        ReinforcementState: "open" | "fulfilled" | "exhausted" | "cancelled";
        ReinforcementStep: {
            /** Format: date-time */
            at: string;
            /** @enum {string} */
            step: "asked" | "granted" | "refused" | "timed_out" | "exhausted" | "cancelled";
            jurisdictionPath: string | null;
            by: {
                /** Format: uuid */
                id: string;
                name: string;
            } | null;
            units?: components["schemas"]["LentUnit"][];
            reason?: string | null;
        };
        ReinforcementTarget: {
            /** @constant */
            to: "above";
        } | {
            /** @constant */
            to: "neighbour";
            /** Format: uuid */
            jurisdictionId: string;
        };
        ReinforcementTargets: {
            above: {
                /** Format: uuid */
                id: string;
                path: string;
                name: string;
                names: {
                    [key: string]: string;
                };
            } | null;
            neighbours: {
                /** Format: uuid */
                id: string;
                path: string;
                name: string;
                names: {
                    [key: string]: string;
                };
            }[];
        };
        /** @enum {string} */
        RejectReason: "no_call_number" | "unreadable_time" | "unreadable_location" | "unknown_jurisdiction" | "call_has_rejected_row";
        RejectedRow: {
            line: number;
            code: components["schemas"]["RejectReason"];
            reason: string;
            callId: string | null;
        };
        RenewLicenceBody: {
            version: number;
            licence: components["schemas"]["LicenceInput"];
        };
        ReportBackBody: {
            report: string;
        };
        /** @enum {string} */
        ReportBreakdown: "priority" | "type" | "jurisdiction" | "unit_kind";
        ReportUpBody: {
            kind: components["schemas"]["ReportUpKind"];
            text: string;
        };
        ReportUpClock: {
            kind: components["schemas"]["ReportUpKind"];
            minutes: number;
            /** Format: date-time */
            deadlineAt: string;
            metAt: string | null;
            missedAt: string | null;
        };
        /** @enum {string} */
        ReportUpKind: "first" | "written";
        Resources: {
            units: number;
            /** @default  */
            note: string;
        };
        ResourcesInput: {
            units: number;
            /** @default  */
            note?: string;
        };
        ResponseBreakdownReport: {
            /** Format: uuid */
            jurisdictionId: string;
            jurisdictionPath: string;
            jurisdictionName: string;
            /** Format: date-time */
            from: string;
            /** Format: date-time */
            to: string;
            origin: components["schemas"]["IncidentOrigin"];
            by: components["schemas"]["ReportBreakdown"];
            level: number | null;
            withinSeconds: number[];
            overall: components["schemas"]["ResponseGroup"];
            groups: components["schemas"]["ResponseGroup"][];
        };
        ResponseGroup: {
            key: string;
            name: string | null;
            incidents: number;
            doubtfulTimes: number;
            dispatched: number;
            arrived: number;
            callProcessing: components["schemas"]["ComponentStats"];
            turnout: components["schemas"]["ComponentStats"];
            travel: components["schemas"]["ComponentStats"];
            total: components["schemas"]["ComponentStats"];
            tiers: components["schemas"]["TierCompliance"][];
        };
        /** @enum {string} */
        ResponseLevel: "I" | "II" | "III" | "IV";
        ResponseLevelRule: {
            level: components["schemas"]["ResponseLevel"];
            name: string;
            commandDepth: number | null;
            minCasualties: number;
        };
        ResponsePlan: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            jurisdictionId: string;
            jurisdictionPath: string;
            incidentType: components["schemas"]["IncidentType"];
            priority: components["schemas"]["Priority"];
            tiers: components["schemas"]["ResponsePlanTier"][];
            version: number;
            /** Format: date-time */
            updatedAt: string;
        };
        ResponsePlanInForce: {
            plan: components["schemas"]["ResponsePlan"] | null;
        };
        ResponsePlanSlot: {
            kind?: components["schemas"]["UnitKind"];
            capability?: string;
            units: number;
        };
        ResponsePlanTier: {
            tier: number;
            slots: components["schemas"]["ResponsePlanSlot"][];
        };
        ResponseTimesReport: {
            /** Format: uuid */
            jurisdictionId: string;
            jurisdictionPath: string;
            /** Format: date-time */
            from: string;
            /** Format: date-time */
            to: string;
            origin: components["schemas"]["IncidentOrigin"];
            counts: {
                incidents: number;
                dispatched: number;
                arrived: number;
            };
            doubtfulTimes: number;
            callToDispatch: components["schemas"]["IntervalStats"];
            dispatchToArrival: components["schemas"]["IntervalStats"];
            callToArrival: components["schemas"]["IntervalStats"];
            tiers: components["schemas"]["TierCompliance"][];
        };
        ReverseGeocodeResponse: {
            address: components["schemas"]["GeocodeResult"] | null;
            street: components["schemas"]["GeocodeResult"] | null;
            jurisdiction: components["schemas"]["OwningJurisdiction"] | null;
        };
        ReverseTransferBody: {
            /** Format: uuid */
            id: string;
            reason: string;
        };
        /** @enum {string} */
        Role: "administrator" | "commander" | "duty_officer" | "dispatcher" | "inspector" | "unit_member" | "auditor";
        /** @enum {string} */
        Section: "operations" | "planning" | "logistics" | "finance_admin";
        SectorUnit: {
            /** Format: uuid */
            unitId: string;
            callSign: string;
            kind: string;
            /** Format: date-time */
            since: string;
        };
        SetResponsePlanBody: {
            /** Format: uuid */
            jurisdictionId: string;
            incidentType: components["schemas"]["IncidentType"];
            priority: components["schemas"]["Priority"];
            tiers: components["schemas"]["ResponsePlanTier"][];
        };
        SetupOsmReport: {
            dryRun: boolean;
            mapping: {
                source: string;
                levels: {
                    adminLevel: number;
                    level: string;
                }[];
            };
            unmapped: {
                adminLevel: number;
                count: number;
                names: string[];
            }[];
            created: number;
            updated: number;
            roots: string[];
            extractRoot: {
                path: string;
                name: string;
                created: boolean;
            } | null;
            repaired: {
                osmId: number;
                name: string;
                missingWays: number;
                replacedM: number;
                decidedBy: string;
            }[];
            excluded: {
                osmId: number;
                name: string;
                reason: string;
            }[];
            skipped: {
                osmId: number;
                name: string;
                reason: string;
            }[];
            keyPlaces: {
                found: number;
                created: number | null;
                updated: number | null;
                outside: number | null;
            };
            preview: {
                path: string;
                name: string;
                level: string;
                parentPath: string | null;
                osmId: number | null;
                repaired: boolean;
                boundary: unknown;
            }[];
        };
        SetupStatus: {
            empty: boolean;
            demo: boolean;
            levels: components["schemas"]["LevelInfo"][];
            roots: {
                path: string;
                name: string;
                hasBoundary: boolean;
            }[];
            units: number;
            jurisdictions: number;
        };
        /** @description Why the slot is short: `none_in_scope` (no unit of the kind the dispatcher may send, own or lent), `none_available` (all busy, off duty or off the road network), or `too_far_for_tier_N` (N: the run card's tier; the nearest units are offered but arrive after that tier's deadline) */
        ShortfallReason: ("none_in_scope" | "none_available") | `too_far_for_tier_${number}`;
        ShortfallSlot: {
            tier: number;
            kind: components["schemas"]["UnitKind"] | null;
            capability?: string;
            missing: number;
            reason: components["schemas"]["ShortfallReason"];
            fastestEtaSeconds: number | null;
        };
        SiteHoldingsNear: {
            /** Format: uuid */
            siteId: string;
            name: string;
            location: [
                number,
                number
            ];
            distanceMeters: number;
            licenceState: string;
            holdings: {
                itemKey: string;
                name: string;
                /** @enum {string} */
                kind: "chemical" | "controlled";
                unNumber: string | null;
                hazardClass: string | null;
                category: string | null;
                unit: string;
                balance: number;
            }[];
        };
        Sitrep: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            majorIncidentId: string;
            seq: number;
            /** Format: date-time */
            submittedAt: string;
            submittedBy: string;
            postTitle: string | null;
            onBehalf: boolean;
            dueAt: string | null;
            late: boolean;
            casualties: components["schemas"]["CasualtyTally"];
            situation: string;
            resourcesCommitted: components["schemas"]["Resources"];
            resourcesRequested: components["schemas"]["Resources"];
            cordonStatus: string;
            nextSteps: string;
        };
        SitrepBody: {
            situation: string;
            resourcesCommitted: components["schemas"]["ResourcesInput"];
            resourcesRequested: components["schemas"]["ResourcesInput"];
            cordonStatus: string;
            nextSteps: string;
        };
        StaffMember: {
            /** Format: uuid */
            id: string;
            username: string;
            displayName: string;
            /** @enum {string} */
            kind: "staff" | "device";
            /** Format: uuid */
            jurisdictionId: string;
            jurisdictionPath: string;
            disabled: boolean;
            /** Format: date-time */
            createdAt: string;
            grants: components["schemas"]["Grant"][];
        };
        StandingDuty: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            ownerPostId: string;
            jurisdictionPath: string;
            title: string;
            category: components["schemas"]["PlaceCategory"] | null;
            everyDays: number;
            /** Format: date-time */
            startsAt: string;
            endsAt: string | null;
            /** Format: date-time */
            nextPeriodAt: string;
            /** Format: date-time */
            createdAt: string;
        };
        StoredGeoJsonArea: {
            /** @constant */
            type: "Polygon";
            coordinates: [
                number,
                number
            ][][];
        } | {
            /** @constant */
            type: "MultiPolygon";
            coordinates: [
                number,
                number
            ][][][];
        };
        StoredPlaceGeometry: {
            /** @constant */
            type: "Point";
            coordinates: [
                number,
                number
            ];
        } | {
            /** @constant */
            type: "LineString";
            coordinates: [
                number,
                number
            ][];
        } | {
            /** @constant */
            type: "Polygon";
            coordinates: [
                number,
                number
            ][][];
        } | {
            /** @constant */
            type: "MultiPolygon";
            coordinates: [
                number,
                number
            ][][][];
        };
        StreamEvent: {
            /** Format: uuid */
            id: string;
            position: number;
            type: string;
            /** Format: date-time */
            occurredAt: string;
            jurisdictionPath: string | null;
            data: unknown;
        };
        SupervisionBody: {
            /** Format: uuid */
            jurisdictionId: string;
        };
        SupervisionFinding: {
            /** Format: uuid */
            id: string;
            description: string;
            correction: {
                /** Format: uuid */
                hazardId: string;
                grade: components["schemas"]["HazardGrade"];
                title: string;
                state: components["schemas"]["HazardState"];
                /** Format: date-time */
                dueAt: string;
                overdue: boolean;
            } | null;
        };
        /** @enum {string} */
        SupervisionSubject: "task" | "unit" | "place";
        SupervisionVisit: {
            /** Format: uuid */
            id: string;
            subjectType: components["schemas"]["SupervisionSubject"];
            /** Format: uuid */
            subjectId: string;
            subjectName: string;
            jurisdictionPath: string;
            /** Format: date-time */
            visitedAt: string;
            visitedBy: string | null;
            summary: string;
            findings: components["schemas"]["SupervisionFinding"][];
            verified: string[];
            /** Format: date-time */
            createdAt: string;
        };
        Task: {
            /** Format: uuid */
            id: string;
            source: components["schemas"]["TaskSource"];
            directiveId: string | null;
            campaignId: string | null;
            standingDutyId: string | null;
            periodStart: string | null;
            parentTaskId: string | null;
            /** Format: uuid */
            ownerPostId: string;
            jurisdictionPath: string;
            title: string;
            placeId: string | null;
            category: components["schemas"]["PlaceCategory"] | null;
            /** Format: date-time */
            dueAt: string;
            weight: number;
            percent: number;
            status: components["schemas"]["TaskStatus"];
            overdue: boolean;
            overdueAt: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        TaskDetail: {
            /** Format: uuid */
            id: string;
            source: components["schemas"]["TaskSource"];
            directiveId: string | null;
            campaignId: string | null;
            standingDutyId: string | null;
            periodStart: string | null;
            parentTaskId: string | null;
            /** Format: uuid */
            ownerPostId: string;
            jurisdictionPath: string;
            title: string;
            placeId: string | null;
            category: components["schemas"]["PlaceCategory"] | null;
            /** Format: date-time */
            dueAt: string;
            weight: number;
            percent: number;
            status: components["schemas"]["TaskStatus"];
            overdue: boolean;
            overdueAt: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            reports: components["schemas"]["TaskReport"][];
        };
        TaskEvidence: {
            /** Format: uuid */
            id: string;
            filename: string;
            mediaType: string;
            sizeBytes: number;
            sha256: string;
            caption: string | null;
        };
        TaskHistoryEntry: {
            /** Format: uuid */
            auditId: string;
            /** Format: date-time */
            at: string;
            action: string;
            actorName: string | null;
            before: unknown;
            after: unknown;
        };
        TaskListItem: {
            /** Format: uuid */
            id: string;
            source: components["schemas"]["TaskSource"];
            directiveId: string | null;
            campaignId: string | null;
            standingDutyId: string | null;
            periodStart: string | null;
            parentTaskId: string | null;
            /** Format: uuid */
            ownerPostId: string;
            jurisdictionPath: string;
            title: string;
            placeId: string | null;
            category: components["schemas"]["PlaceCategory"] | null;
            /** Format: date-time */
            dueAt: string;
            weight: number;
            percent: number;
            status: components["schemas"]["TaskStatus"];
            overdue: boolean;
            overdueAt: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            coverage?: components["schemas"]["CoverageCounts"];
        };
        TaskReport: {
            /** Format: uuid */
            id: string;
            percent: number;
            note: string;
            reportedBy: string | null;
            /** Format: date-time */
            reportedAt: string;
            evidence: components["schemas"]["TaskEvidence"][];
        };
        /** @enum {string} */
        TaskSource: "directive" | "campaign" | "standing_duty";
        /** @enum {string} */
        TaskStatus: "open" | "in_progress" | "done";
        TierCompliance: {
            tier: number;
            met: number;
            missed: number;
            open: number;
            complianceRate: number | null;
        };
        TierStatus: {
            tier: number;
            label: string;
            minutes: number;
            /** @enum {string} */
            requirement: "responded" | "on_scene";
            units: number;
            /** Format: date-time */
            deadlineAt: string;
            metAt: string | null;
            missedAt: string | null;
        };
        TileJson: {
            /** @constant */
            tilejson: "3.0.0";
            name: string;
            tiles: string[];
            minzoom: number;
            maxzoom: number;
            bounds: [
                number,
                number,
                number,
                number
            ];
            center: [
                number,
                number,
                number
            ];
            attribution: string;
            vector_layers: {
                /** @enum {string} */
                id: "roads" | "water" | "buildings" | "landuse" | "boundaries" | "places" | "housenumbers" | "jurisdiction_labels";
                description: string;
                minzoom: number;
                maxzoom: number;
                fields: {
                    [key: string]: string;
                };
            }[];
        };
        TimelineEntry: {
            /** Format: date-time */
            at: string;
            action: string;
            actorName: string | null;
            before: unknown;
            after: unknown;
        };
        TraceDirective: {
            /** Format: uuid */
            directiveId: string;
            title: string;
            jurisdictionPath: string;
            /** @enum {string} */
            missed: "acknowledgement" | "report";
            /** Format: date-time */
            dueAt: string;
            answeredAt: string | null;
            /** @description The audit-chain entries this line is read from (GET /audit?entityId=… shows them) */
            auditIds: string[];
        };
        TraceDispatch: {
            /** Format: uuid */
            incidentId: string;
            /** Format: uuid */
            unitId: string;
            callSign: string;
            recommended: boolean | null;
            sent: {
                /** Format: uuid */
                assignmentId: string;
                /** Format: date-time */
                at: string;
                byUserId: string | null;
                byName: string | null;
                state: string;
                etaSeconds: number | null;
                onSceneAt: string | null;
                actualSeconds: number | null;
                clearedAt: string | null;
                cancelledAt: string | null;
            } | null;
            /** @description The audit-chain entries this line is read from (GET /audit?entityId=… shows them) */
            auditIds: string[];
        };
        TraceHazard: {
            /** Format: uuid */
            id: string;
            title: string;
            grade: components["schemas"]["HazardGrade"];
            placeId: string | null;
            placeName: string | null;
            distanceM: number | null;
            jurisdictionPath: string;
            /** Format: date-time */
            raisedAt: string;
            ageHours: number;
            state: components["schemas"]["HazardState"];
            /** Format: date-time */
            dueAt: string;
            overdueSince: string | null;
            /** @description The audit-chain entries this line is read from (GET /audit?entityId=… shows them) */
            auditIds: string[];
        };
        TracePost: {
            /** Format: uuid */
            postId: string;
            title: string;
            kind: components["schemas"]["PostKind"];
            jurisdictionPath: string;
            holders: {
                /** Format: uuid */
                userId: string;
                displayName: string;
                /** Format: date-time */
                from: string;
                to: string | null;
            }[];
            /** @description The audit-chain entries this line is read from (GET /audit?entityId=… shows them) */
            auditIds: string[];
        };
        TraceTask: {
            /** Format: uuid */
            id: string;
            title: string;
            directiveId: string | null;
            /** @enum {string} */
            concern: "place" | "category" | "jurisdiction";
            placeId: string | null;
            category: string | null;
            jurisdictionPath: string;
            /** Format: uuid */
            ownerPostId: string;
            status: string;
            /** Format: date-time */
            dueAt: string;
            /** Format: date-time */
            overdueSince: string;
            /** @description The audit-chain entries this line is read from (GET /audit?entityId=… shows them) */
            auditIds: string[];
        };
        TraceTier: {
            /** Format: uuid */
            incidentId: string;
            tier: number;
            label: string;
            minutes: number | null;
            requirement: ("responded" | "on_scene") | null;
            units: number | null;
            /** Format: date-time */
            deadlineAt: string;
            /** Format: date-time */
            missedAt: string;
            /** @description The audit-chain entries this line is read from (GET /audit?entityId=… shows them) */
            auditIds: string[];
        };
        TrackPoint: {
            location: [
                number,
                number
            ];
            /** Format: date-time */
            at: string;
            speedKmh: number | null;
            heading: number | null;
        };
        TrailPoint: {
            location: [
                number,
                number
            ];
            /** Format: date-time */
            at: string;
            speedKmh: number | null;
        };
        /** @enum {string} */
        TransferKind: "receipt" | "issue" | "transfer" | "consumption" | "destruction" | "loss" | "reversal" | "dispatch" | "delivery";
        TransportAlert: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            permitId: string;
            seq: number;
            kind: components["schemas"]["TransportAlertKind"];
            /** Format: date-time */
            at: string;
            location: [
                number,
                number
            ] | null;
            detail: {
                zoneId?: string;
                zoneName?: string;
                zoneKind?: components["schemas"]["ProtectedZoneKind"];
                minutes?: number;
                metersOff?: number;
            };
            vehicle: string;
            supervisingPath: string;
        };
        /** @enum {string} */
        TransportAlertKind: "left_corridor" | "rejoined_corridor" | "entered_zone" | "stopped" | "dark" | "arrived";
        TransportFix: {
            location: [
                number,
                number
            ];
            /** Format: date-time */
            at: string;
            speedKmh?: number;
            heading?: number;
        };
        TransportFixesBody: {
            fixes: components["schemas"]["TransportFix"][];
        };
        TransportFixesResult: {
            accepted: number;
            ignored: number;
            alerts: components["schemas"]["TransportAlert"][];
            state: components["schemas"]["PermitState"];
        };
        TransportPermit: {
            /** Format: uuid */
            id: string;
            state: components["schemas"]["PermitState"];
            item: {
                key: string;
                name: string;
                unit: string;
                unNumber: string | null;
                hazardClass: string | null;
            };
            quantity: number;
            vehicle: string;
            from: {
                /** Format: uuid */
                siteId: string;
                name: string;
                location: [
                    number,
                    number
                ];
            };
            to: {
                /** Format: uuid */
                siteId: string;
                name: string;
                location: [
                    number,
                    number
                ];
            };
            window: {
                /** Format: date-time */
                from: string;
                /** Format: date-time */
                until: string;
            };
            corridorMeters: number;
            maxStopMinutes: number;
            darkAfterMinutes: number;
            route: {
                /** @constant */
                type: "LineString";
                coordinates: [
                    number,
                    number
                ][];
            };
            distanceMeters: number;
            durationSeconds: number;
            corridor: {
                type: string;
                coordinates: unknown[];
            };
            zones: components["schemas"]["ProtectedZone"][];
            supervisingPath: string;
            lastFix: {
                location: [
                    number,
                    number
                ];
                /** Format: date-time */
                at: string;
                speedKmh: number | null;
            } | null;
            /** Format: uuid */
            dispatchTransferId: string;
            deliveryTransferId: string | null;
            note: string | null;
            issuedBy: {
                id: string | null;
                name: string;
            };
            /** Format: date-time */
            issuedAt: string;
            version: number;
        };
        UndoImportResult: {
            batch: components["schemas"]["ImportBatch"];
            removedCalls: number;
            removedResponses: number;
        };
        UndoOnboardResult: {
            batch: components["schemas"]["OnboardBatch"];
            removed: number;
            restored: number;
        };
        UnfilledSlot: {
            tier: number;
            kind: components["schemas"]["UnitKind"] | null;
            capability?: string;
            missing: number;
        };
        Unit: {
            /** Format: uuid */
            id: string;
            callSign: string;
            kind: components["schemas"]["UnitKind"];
            /** Format: uuid */
            jurisdictionId: string;
            jurisdictionPath: string;
            homeStationId: string | null;
            homeLocation: [
                number,
                number
            ];
            crewSize: number;
            capabilities: string[];
            status: components["schemas"]["UnitStatus"];
            /** Format: date-time */
            statusChangedAt: string;
            onDuty: boolean;
            /** Format: date-time */
            dutyChangedAt: string;
            incidentId: string | null;
            position: components["schemas"]["UnitPosition"] | null;
            version: number;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        /**
         * @example {
         *       "action": "on_duty"
         *     }
         */
        UnitActionBody: {
            /** @constant */
            action: "on_duty";
        } | {
            /** @constant */
            action: "off_duty";
        } | {
            /** @constant */
            action: "out_of_service";
        } | {
            /** @constant */
            action: "in_service";
        } | {
            /** @constant */
            action: "at_station";
        };
        /** @enum {string} */
        UnitKind: "patrol_car" | "foot_patrol" | "bicycle_patrol" | "motorcycle" | "fixed_post" | "special_police" | "fire_engine" | "ladder" | "ambulance" | "hazmat" | "rescue" | "command" | "other";
        UnitPage: {
            items: components["schemas"]["Unit"][];
            nextCursor: string | null;
        };
        UnitPosition: {
            location: [
                number,
                number
            ];
            /** Format: date-time */
            at: string;
            speedKmh: number | null;
            heading: number | null;
            stale: boolean;
        };
        /** @enum {string} */
        UnitStatus: "available" | "at_station" | "dispatched" | "en_route" | "on_scene" | "transporting" | "out_of_service";
        UpdateJurisdictionBody: {
            name?: string;
            boundary?: components["schemas"]["GeoJsonArea"];
        };
        UpdatePlaceBody: {
            name?: string;
            category?: components["schemas"]["PlaceCategory"];
            geometry?: components["schemas"]["PlaceGeometry"];
            operator?: string | null;
            contact?: string | null;
            responsiblePost?: string | null;
            version: number;
        };
        UpdateStaffBody: {
            displayName?: string;
            disabled?: boolean;
            password?: string;
        };
        /**
         * @example {
         *       "crewSize": 3,
         *       "capabilities": [
         *         "pump",
         *         "water",
         *         "foam"
         *       ]
         *     }
         */
        UpdateUnitBody: {
            crewSize?: number;
            capabilities?: string[];
            homeLocation?: [
                number,
                number
            ];
        };
        VisitPage: {
            items: components["schemas"]["SupervisionVisit"][];
            nextCursor: string | null;
        };
        WithinShare: {
            seconds: number;
            count: number;
            percent: number | null;
        };
    };
    responses: never;
    parameters: {
        /** @description Makes a retried command safe: a repeat with the same key and request answers the first answer again instead of acting twice; the same key with another request is refused (IDEMPOTENCY_KEY_REUSED). */
        IdempotencyKey: string;
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    logIn: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginBody"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoginResponse"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_INVALID_CREDENTIALS: Wrong username or password */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_ACCOUNT_DISABLED: The account is disabled */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_LOGIN_THROTTLED: Too many failed sign-ins from this address; wait before trying again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    logOut: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried command safe: a repeat with the same key and request answers the first answer again instead of acting twice; the same key with another request is refused (IDEMPOTENCY_KEY_REUSED). */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: The Idempotency-Key was already used with a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Me"];
                };
            };
            /** @description MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listMyTokens: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiToken"][];
                };
            };
            /** @description MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createMyToken: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried command safe: a repeat with the same key and request answers the first answer again instead of acting twice; the same key with another request is refused (IDEMPOTENCY_KEY_REUSED). */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateApiTokenBody"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedApiToken"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description CONFLICT: The request conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: The Idempotency-Key was already used with a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    revokeMyToken: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried command safe: a repeat with the same key and request answers the first answer again instead of acting twice; the same key with another request is refused (IDEMPOTENCY_KEY_REUSED). */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found | ROUTE_NOT_FOUND: No such endpoint */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: The Idempotency-Key was already used with a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    completeMfaLogin: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MfaVerifyBody"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Me"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_MFA_CODE_INVALID: The one-time code is wrong, expired or already used | AUTH_MFA_TICKET_INVALID: The sign-in step has expired or is no longer valid; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_ACCOUNT_DISABLED: The account is disabled */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_MFA_LOCKED: Too many wrong one-time codes; try again later */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    startMfaEnrolmentAtLogin: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MfaTicketBody"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MfaEnrolment"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_MFA_TICKET_INVALID: The sign-in step has expired or is no longer valid; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_ACCOUNT_DISABLED: The account is disabled */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    confirmMfaEnrolmentAtLogin: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MfaTicketConfirmBody"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MfaEnrolledLogin"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_MFA_CODE_INVALID: The one-time code is wrong, expired or already used | AUTH_MFA_TICKET_INVALID: The sign-in step has expired or is no longer valid; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_ACCOUNT_DISABLED: The account is disabled */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_MFA_LOCKED: Too many wrong one-time codes; try again later */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getMyMfa: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MfaStatus"];
                };
            };
            /** @description MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    startMfaEnrolment: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried command safe: a repeat with the same key and request answers the first answer again instead of acting twice; the same key with another request is refused (IDEMPOTENCY_KEY_REUSED). */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MfaEnrolment"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description CONFLICT: The request conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: The Idempotency-Key was already used with a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    confirmMfaEnrolment: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried command safe: a repeat with the same key and request answers the first answer again instead of acting twice; the same key with another request is refused (IDEMPOTENCY_KEY_REUSED). */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MfaConfirmBody"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecoveryCodes"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again | AUTH_MFA_CODE_INVALID: The one-time code is wrong, expired or already used */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description CONFLICT: The request conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: The Idempotency-Key was already used with a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    replaceRecoveryCodes: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried command safe: a repeat with the same key and request answers the first answer again instead of acting twice; the same key with another request is refused (IDEMPOTENCY_KEY_REUSED). */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MfaReauthBody"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecoveryCodes"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_INVALID_CREDENTIALS: Wrong username or password | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again | AUTH_MFA_CODE_INVALID: The one-time code is wrong, expired or already used */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description CONFLICT: The request conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: The Idempotency-Key was already used with a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    disableMyMfa: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried command safe: a repeat with the same key and request answers the first answer again instead of acting twice; the same key with another request is refused (IDEMPOTENCY_KEY_REUSED). */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MfaReauthBody"];
            };
        };
        responses: {
            /** @description No content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_INVALID_CREDENTIALS: Wrong username or password | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again | AUTH_MFA_CODE_INVALID: The one-time code is wrong, expired or already used */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description MFA_REQUIRED_FOR_ROLE: Two-factor sign-in is required for your role and cannot be turned off | CONFLICT: The request conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: The Idempotency-Key was already used with a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getStaffMfa: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MfaStatus"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found | ROUTE_NOT_FOUND: No such endpoint */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    resetStaffMfa: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried command safe: a repeat with the same key and request answers the first answer again instead of acting twice; the same key with another request is refused (IDEMPOTENCY_KEY_REUSED). */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found | ROUTE_NOT_FOUND: No such endpoint */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description CONFLICT: The request conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: The Idempotency-Key was already used with a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getJurisdictionTree: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JurisdictionNode"][];
                };
            };
            /** @description MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createJurisdiction: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried command safe: a repeat with the same key and request answers the first answer again instead of acting twice; the same key with another request is refused (IDEMPOTENCY_KEY_REUSED). */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateJurisdictionBody"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Jurisdiction"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read | GEOMETRY_INVALID: The geometry is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description CONFLICT: The request conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: The Idempotency-Key was already used with a different request | JURISDICTION_BOUNDARY_OUTSIDE_PARENT: The boundary reaches beyond its parent jurisdiction's boundary | JURISDICTION_BOUNDARY_OVERLAPS: The boundary overlaps the area of another jurisdiction | JURISDICTION_LEVEL_INVALID: The level is not one of the organisation's configured levels, or not deeper than the parent's */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listJurisdictionLevels: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LevelInfo"][];
                };
            };
            /** @description MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getJurisdictionNames: {
        parameters: {
            query: {
                paths: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JurisdictionName"][];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    lookUpJurisdictionsAtPoint: {
        parameters: {
            query: {
                lon: number;
                lat: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Jurisdiction"][];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NO_JURISDICTION_AT_POINT: No jurisdiction contains that point */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getJurisdiction: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JurisdictionDetail"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found | ROUTE_NOT_FOUND: No such endpoint */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateJurisdiction: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried command safe: a repeat with the same key and request answers the first answer again instead of acting twice; the same key with another request is refused (IDEMPOTENCY_KEY_REUSED). */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateJurisdictionBody"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Jurisdiction"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read | GEOMETRY_INVALID: The geometry is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found | ROUTE_NOT_FOUND: No such endpoint */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description CONFLICT: The request conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: The Idempotency-Key was already used with a different request | JURISDICTION_BOUNDARY_OUTSIDE_PARENT: The boundary reaches beyond its parent jurisdiction's boundary | JURISDICTION_BOUNDARY_OVERLAPS: The boundary overlaps the area of another jurisdiction | JURISDICTION_BOUNDARY_CUTS_CHILD: The boundary would leave part of a jurisdiction under it outside */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    importBoundaries: {
        parameters: {
            query: {
                filename: string;
                nameField: string;
                codeField: string;
                parentField?: string;
                parentPath: string;
                level?: string;
                levelField?: string;
                layer?: string;
                encoding?: string;
                dryRun?: "true" | "false";
                allowPartial?: "true" | "false";
            };
            header?: {
                /** @description Makes a retried command safe: a repeat with the same key and request answers the first answer again instead of acting twice; the same key with another request is refused (IDEMPOTENCY_KEY_REUSED). */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        /** @description The boundary file, its bytes as they are (no multipart form): a GeoJSON FeatureCollection of (Multi)Polygons, a zipped Shapefile (.shp with its .dbf and .prj; reprojected to WGS 84 from its coordinate system) or a GeoPackage. `filename` says which by its extension, whatever the Content-Type (application/json is taken too); `nameField`/`codeField` name the properties that hold each feature's name and code. At most 64 MiB; a larger one is refused (413). */
        requestBody: {
            content: {
                /** @example {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"Vaduz","code":"vaduz"},"geometry":{"type":"Polygon","coordinates":[[[9.49,47.12],[9.55,47.12],[9.55,47.17],[9.49,47.17],[9.49,47.12]]]}}]} */
                "application/geo+json": Blob;
                "application/zip": Blob;
                "application/geopackage+sqlite3": Blob;
                "application/octet-stream": Blob;
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BoundaryImportReport"];
                };
            };
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BoundaryImportReport"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read | GEOMETRY_INVALID: The geometry is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description CONFLICT: The request conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: The request body is too large | UPLOAD_TOO_LARGE: The uploaded file is larger than allowed */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: Unsupported content type | UPLOAD_TYPE_NOT_ALLOWED: The uploaded file is not of an allowed type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: The Idempotency-Key was already used with a different request | JURISDICTION_BOUNDARY_OUTSIDE_PARENT: The boundary reaches beyond its parent jurisdiction's boundary | JURISDICTION_BOUNDARY_OVERLAPS: The boundary overlaps the area of another jurisdiction | JURISDICTION_BOUNDARY_CUTS_CHILD: The boundary would leave part of a jurisdiction under it outside | JURISDICTION_LEVEL_INVALID: The level is not one of the organisation's configured levels, or not deeper than the parent's | BOUNDARY_FEATURES_REJECTED: Features of the boundary file cannot be imported; nothing was imported (fix them, or import the rest with allowPartial) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listStaff: {
        parameters: {
            query?: {
                jurisdictionId?: string;
                limit?: number;
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffMember"][];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createStaff: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried command safe: a repeat with the same key and request answers the first answer again instead of acting twice; the same key with another request is refused (IDEMPOTENCY_KEY_REUSED). */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateStaffBody"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffMember"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description CONFLICT: The request conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: The Idempotency-Key was already used with a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getStaff: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffMember"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found | ROUTE_NOT_FOUND: No such endpoint */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateStaff: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried command safe: a repeat with the same key and request answers the first answer again instead of acting twice; the same key with another request is refused (IDEMPOTENCY_KEY_REUSED). */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateStaffBody"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffMember"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found | ROUTE_NOT_FOUND: No such endpoint */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description CONFLICT: The request conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: The Idempotency-Key was already used with a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    grantRole: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried command safe: a repeat with the same key and request answers the first answer again instead of acting twice; the same key with another request is refused (IDEMPOTENCY_KEY_REUSED). */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AddGrantBody"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffMember"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found | ROUTE_NOT_FOUND: No such endpoint */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description CONFLICT: The request conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: The Idempotency-Key was already used with a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    revokeGrant: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried command safe: a repeat with the same key and request answers the first answer again instead of acting twice; the same key with another request is refused (IDEMPOTENCY_KEY_REUSED). */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
                grantId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffMember"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found | ROUTE_NOT_FOUND: No such endpoint */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description CONFLICT: The request conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: The Idempotency-Key was already used with a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listStaffTokens: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiToken"][];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found | ROUTE_NOT_FOUND: No such endpoint */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createStaffToken: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried command safe: a repeat with the same key and request answers the first answer again instead of acting twice; the same key with another request is refused (IDEMPOTENCY_KEY_REUSED). */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateApiTokenBody"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedApiToken"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found | ROUTE_NOT_FOUND: No such endpoint */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description CONFLICT: The request conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: The Idempotency-Key was already used with a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listPlaces: {
        parameters: {
            query?: {
                category?: string;
                jurisdictionId?: string;
                bbox?: string;
                q?: string;
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlacePage"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createPlace: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried command safe: a repeat with the same key and request answers the first answer again instead of acting twice; the same key with another request is refused (IDEMPOTENCY_KEY_REUSED). */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreatePlaceBody"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Place"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read | GEOMETRY_INVALID: The geometry is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found | NO_JURISDICTION_AT_POINT: No jurisdiction contains that point */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description CONFLICT: The request conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: The Idempotency-Key was already used with a different request | PLACE_OUTSIDE_JURISDICTION: The place's geometry lies outside its jurisdiction */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPlace: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Place"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found | ROUTE_NOT_FOUND: No such endpoint */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updatePlace: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried command safe: a repeat with the same key and request answers the first answer again instead of acting twice; the same key with another request is refused (IDEMPOTENCY_KEY_REUSED). */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdatePlaceBody"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Place"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read | GEOMETRY_INVALID: The geometry is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found | ROUTE_NOT_FOUND: No such endpoint */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description CONFLICT: The request conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: The Idempotency-Key was already used with a different request | PLACE_OUTSIDE_JURISDICTION: The place's geometry lies outside its jurisdiction */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPlaceHistory: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HistoryEntry"][];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found | ROUTE_NOT_FOUND: No such endpoint */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listHazards: {
        parameters: {
            query?: {
                jurisdictionId?: string;
                placeId?: string;
                state?: string;
                grade?: components["schemas"]["HazardGrade"];
                overdue?: "true" | "false";
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HazardPage"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    raiseHazard: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried command safe: a repeat with the same key and request answers the first answer again instead of acting twice; the same key with another request is refused (IDEMPOTENCY_KEY_REUSED). */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RaiseHazardBody"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Hazard"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: The Idempotency-Key was already used with a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getHazardBoard: {
        parameters: {
            query: {
                jurisdictionId: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HazardBoard"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getHazardReport: {
        parameters: {
            query: {
                jurisdictionId: string;
                from: string;
                to: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HazardReport"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getHazardReportCsv: {
        parameters: {
            query: {
                jurisdictionId: string;
                from: string;
                to: string;
                /** @description The language of the words (ids and paths stay as they are) */
                lang?: "en" | "zh-CN";
                /** @description The time zone the dates are shown in */
                timeZone?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getHazardReportHtml: {
        parameters: {
            query: {
                jurisdictionId: string;
                from: string;
                to: string;
                /** @description The language of the words (ids and paths stay as they are) */
                lang?: "en" | "zh-CN";
                /** @description The time zone the dates are shown in */
                timeZone?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getHazard: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Hazard"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found | ROUTE_NOT_FOUND: No such endpoint */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getHazardHistory: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HistoryEntry"][];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found | ROUTE_NOT_FOUND: No such endpoint */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    actOnHazard: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried command safe: a repeat with the same key and request answers the first answer again instead of acting twice; the same key with another request is refused (IDEMPOTENCY_KEY_REUSED). */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["HazardActionBody"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Hazard"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found | ROUTE_NOT_FOUND: No such endpoint */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description HAZARD_TRANSITION_NOT_ALLOWED: The hazard is not in a state that allows this step */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: The Idempotency-Key was already used with a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    requestHazardExtension: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried command safe: a repeat with the same key and request answers the first answer again instead of acting twice; the same key with another request is refused (IDEMPOTENCY_KEY_REUSED). */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ExtensionRequestBody"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Hazard"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found | ROUTE_NOT_FOUND: No such endpoint */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description HAZARD_TRANSITION_NOT_ALLOWED: The hazard is not in a state that allows this step */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: The Idempotency-Key was already used with a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    decideHazardExtension: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried command safe: a repeat with the same key and request answers the first answer again instead of acting twice; the same key with another request is refused (IDEMPOTENCY_KEY_REUSED). */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ExtensionDecisionBody"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Hazard"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found | ROUTE_NOT_FOUND: No such endpoint */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description HAZARD_TRANSITION_NOT_ALLOWED: The hazard is not in a state that allows this step */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: The Idempotency-Key was already used with a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listHazardForSupervision: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried command safe: a repeat with the same key and request answers the first answer again instead of acting twice; the same key with another request is refused (IDEMPOTENCY_KEY_REUSED). */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SupervisionBody"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Hazard"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found | ROUTE_NOT_FOUND: No such endpoint */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description HAZARD_TRANSITION_NOT_ALLOWED: The hazard is not in a state that allows this step */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: The Idempotency-Key was already used with a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listHazardEvidence: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Evidence"][];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found | ROUTE_NOT_FOUND: No such endpoint */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    attachHazardEvidence: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried command safe: a repeat with the same key and request answers the first answer again instead of acting twice; the same key with another request is refused (IDEMPOTENCY_KEY_REUSED). */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EvidenceBody"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Evidence"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found | ROUTE_NOT_FOUND: No such endpoint */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description HAZARD_TRANSITION_NOT_ALLOWED: The hazard is not in a state that allows this step */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: The request body is too large | UPLOAD_TOO_LARGE: The uploaded file is larger than allowed */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: Unsupported content type | UPLOAD_TYPE_NOT_ALLOWED: The uploaded file is not of an allowed type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: The Idempotency-Key was already used with a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getHazardEvidenceContent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                evidenceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found | ROUTE_NOT_FOUND: No such endpoint */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getHazardDeadlines: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeadlinePolicy"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found | ROUTE_NOT_FOUND: No such endpoint */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    setHazardDeadlines: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried command safe: a repeat with the same key and request answers the first answer again instead of acting twice; the same key with another request is refused (IDEMPOTENCY_KEY_REUSED). */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DeadlinePolicyBody"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeadlinePolicy"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found | ROUTE_NOT_FOUND: No such endpoint */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: The Idempotency-Key was already used with a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listChecklists: {
        parameters: {
            query?: {
                category?: components["schemas"]["PlaceCategory"];
                all?: "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChecklistTemplate"][];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    publishChecklist: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried command safe: a repeat with the same key and request answers the first answer again instead of acting twice; the same key with another request is refused (IDEMPOTENCY_KEY_REUSED). */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChecklistDefinition"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChecklistTemplate"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: The Idempotency-Key was already used with a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getChecklist: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChecklistTemplate"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found | ROUTE_NOT_FOUND: No such endpoint */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listInspections: {
        parameters: {
            query?: {
                placeId?: string;
                farFromPlace?: "true" | "false";
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Inspection"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    recordInspection: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried command safe: a repeat with the same key and request answers the first answer again instead of acting twice; the same key with another request is refused (IDEMPOTENCY_KEY_REUSED). */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RecordInspectionBody"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Inspection"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: The Idempotency-Key was already used with a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getInspection: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Inspection"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found | ROUTE_NOT_FOUND: No such endpoint */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listInspectionAttachments: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Attachment"][];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found | ROUTE_NOT_FOUND: No such endpoint */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    attachInspectionFile: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried command safe: a repeat with the same key and request answers the first answer again instead of acting twice; the same key with another request is refused (IDEMPOTENCY_KEY_REUSED). */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AttachmentBody"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Attachment"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found | ROUTE_NOT_FOUND: No such endpoint */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: The request body is too large | UPLOAD_TOO_LARGE: The uploaded file is larger than allowed */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: Unsupported content type | UPLOAD_TYPE_NOT_ALLOWED: The uploaded file is not of an allowed type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: The Idempotency-Key was already used with a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getInspectionAttachmentContent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                attachmentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found | ROUTE_NOT_FOUND: No such endpoint */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listCampaigns: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Campaign"][];
                };
            };
            /** @description MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    issueCampaign: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried command safe: a repeat with the same key and request answers the first answer again instead of acting twice; the same key with another request is refused (IDEMPOTENCY_KEY_REUSED). */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateCampaignBody"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Campaign"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: The Idempotency-Key was already used with a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCampaign: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Campaign"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found | ROUTE_NOT_FOUND: No such endpoint */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCampaignCoverage: {
        parameters: {
            query?: {
                jurisdictionId?: string;
                depth?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CoverageTree"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found | ROUTE_NOT_FOUND: No such endpoint */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCampaignProgress: {
        parameters: {
            query?: {
                jurisdictionId?: string;
                timeZone?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignProgress"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found | ROUTE_NOT_FOUND: No such endpoint */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCampaignReportCsv: {
        parameters: {
            query?: {
                jurisdictionId?: string;
                depth?: number;
                /** @description The language of the words (ids and paths stay as they are) */
                lang?: "en" | "zh-CN";
                /** @description The time zone the dates are shown in */
                timeZone?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found | ROUTE_NOT_FOUND: No such endpoint */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCampaignReportHtml: {
        parameters: {
            query?: {
                jurisdictionId?: string;
                depth?: number;
                /** @description The language of the words (ids and paths stay as they are) */
                lang?: "en" | "zh-CN";
                /** @description The time zone the dates are shown in */
                timeZone?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found | ROUTE_NOT_FOUND: No such endpoint */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listCampaignAssignments: {
        parameters: {
            query?: {
                jurisdictionId?: string;
                status?: "pending" | "done" | "missed";
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AssignmentPage"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found | ROUTE_NOT_FOUND: No such endpoint */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listPlaceRisks: {
        parameters: {
            query?: {
                jurisdictionId?: string;
                category?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlaceRisk"][];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPlaceRisk: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlaceRisk"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found | ROUTE_NOT_FOUND: No such endpoint */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listUnits: {
        parameters: {
            query?: {
                jurisdictionId?: string;
                status?: components["schemas"]["UnitStatus"][];
                onDuty?: "true" | "false";
                kind?: components["schemas"]["UnitKind"];
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnitPage"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    registerUnit: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried command safe: a repeat with the same key and request answers the first answer again instead of acting twice; the same key with another request is refused (IDEMPOTENCY_KEY_REUSED). */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegisterUnitBody"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Unit"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description UNIT_CALL_SIGN_TAKEN: Another unit already has that call sign */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: The Idempotency-Key was already used with a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getUnit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Unit"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found | ROUTE_NOT_FOUND: No such endpoint */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateUnit: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried command safe: a repeat with the same key and request answers the first answer again instead of acting twice; the same key with another request is refused (IDEMPOTENCY_KEY_REUSED). */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateUnitBody"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Unit"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found | ROUTE_NOT_FOUND: No such endpoint */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description UNIT_CALL_SIGN_TAKEN: Another unit already has that call sign */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: The Idempotency-Key was already used with a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getUnitHistory: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TimelineEntry"][];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found | ROUTE_NOT_FOUND: No such endpoint */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getUnitTrack: {
        parameters: {
            query: {
                from: string;
                to: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TrackPoint"][];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found | ROUTE_NOT_FOUND: No such endpoint */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    changeUnitStatus: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried command safe: a repeat with the same key and request answers the first answer again instead of acting twice; the same key with another request is refused (IDEMPOTENCY_KEY_REUSED). */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UnitActionBody"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Unit"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found | ROUTE_NOT_FOUND: No such endpoint */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description UNIT_TRANSITION_NOT_ALLOWED: The unit is not in a state that allows this step */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: The Idempotency-Key was already used with a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    reportAvlPositions: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried command safe: a repeat with the same key and request answers the first answer again instead of acting twice; the same key with another request is refused (IDEMPOTENCY_KEY_REUSED). */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AvlBatchBody"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AvlBatchResult"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: The Idempotency-Key was already used with a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listIncidents: {
        parameters: {
            query?: {
                jurisdictionId?: string;
                state?: components["schemas"]["IncidentState"];
                origin?: components["schemas"]["IncidentOrigin"];
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IncidentPage"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createIncident: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried command safe: a repeat with the same key and request answers the first answer again instead of acting twice; the same key with another request is refused (IDEMPOTENCY_KEY_REUSED). */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateIncidentBody"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Incident"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NO_JURISDICTION_AT_POINT: No jurisdiction contains that point */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: The Idempotency-Key was already used with a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getIncident: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Incident"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found | ROUTE_NOT_FOUND: No such endpoint */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getIncidentTimeline: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TimelineEntry"][];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found | ROUTE_NOT_FOUND: No such endpoint */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    findPossibleDuplicates: {
        parameters: {
            query: {
                type: components["schemas"]["IncidentType"];
                lon: number;
                lat: number;
                receivedAt?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PossibleDuplicates"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listIncidentDuplicates: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PossibleDuplicates"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found | ROUTE_NOT_FOUND: No such endpoint */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    linkDuplicateIncident: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried command safe: a repeat with the same key and request answers the first answer again instead of acting twice; the same key with another request is refused (IDEMPOTENCY_KEY_REUSED). */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LinkDuplicateBody"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Incident"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found | ROUTE_NOT_FOUND: No such endpoint */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INCIDENT_CLOSED: The incident is closed | INCIDENT_IS_DUPLICATE: The incident is linked as a duplicate; act on the incident it duplicates | INCIDENT_DUPLICATE_NOT_ALLOWED: The incident cannot be linked as a duplicate of that one */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: The Idempotency-Key was already used with a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    unlinkDuplicateIncident: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried command safe: a repeat with the same key and request answers the first answer again instead of acting twice; the same key with another request is refused (IDEMPOTENCY_KEY_REUSED). */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Incident"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found | ROUTE_NOT_FOUND: No such endpoint */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INCIDENT_CLOSED: The incident is closed | INCIDENT_NOT_DUPLICATE: The incident is not linked as a duplicate */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: The Idempotency-Key was already used with a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    closeIncident: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried command safe: a repeat with the same key and request answers the first answer again instead of acting twice; the same key with another request is refused (IDEMPOTENCY_KEY_REUSED). */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CloseIncidentBody"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Incident"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found | ROUTE_NOT_FOUND: No such endpoint */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INCIDENT_CLOSED: The incident is closed | INCIDENT_UNITS_COMMITTED: Units are still committed to the incident | INCIDENT_IS_DUPLICATE: The incident is linked as a duplicate; act on the incident it duplicates */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: The Idempotency-Key was already used with a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    purgeIncidentCaller: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried command safe: a repeat with the same key and request answers the first answer again instead of acting twice; the same key with another request is refused (IDEMPOTENCY_KEY_REUSED). */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Incident"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found | ROUTE_NOT_FOUND: No such endpoint */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: The Idempotency-Key was already used with a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    recommendUnits: {
        parameters: {
            query?: {
                limit?: number;
                kind?: components["schemas"]["UnitKind"];
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Recommendations"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found | ROUTE_NOT_FOUND: No such endpoint */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listIncidentAssignments: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Assignment"][];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found | ROUTE_NOT_FOUND: No such endpoint */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    assignUnits: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried command safe: a repeat with the same key and request answers the first answer again instead of acting twice; the same key with another request is refused (IDEMPOTENCY_KEY_REUSED). */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AssignUnitsBody"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Assignment"][];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found | ROUTE_NOT_FOUND: No such endpoint */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description DISPATCH_UNIT_UNAVAILABLE: The unit is not available for dispatch | INCIDENT_CLOSED: The incident is closed | INCIDENT_IS_DUPLICATE: The incident is linked as a duplicate; act on the incident it duplicates */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: The Idempotency-Key was already used with a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    advanceAssignment: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried command safe: a repeat with the same key and request answers the first answer again instead of acting twice; the same key with another request is refused (IDEMPOTENCY_KEY_REUSED). */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AssignmentActionBody"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Assignment"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found | ROUTE_NOT_FOUND: No such endpoint */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description ASSIGNMENT_TRANSITION_NOT_ALLOWED: The assignment is not in a state that allows this step */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: The Idempotency-Key was already used with a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    reassignAssignment: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried command safe: a repeat with the same key and request answers the first answer again instead of acting twice; the same key with another request is refused (IDEMPOTENCY_KEY_REUSED). */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReassignBody"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Reassignment"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found | ROUTE_NOT_FOUND: No such endpoint */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description DISPATCH_UNIT_UNAVAILABLE: The unit is not available for dispatch | ASSIGNMENT_TRANSITION_NOT_ALLOWED: The assignment is not in a state that allows this step | INCIDENT_CLOSED: The incident is closed | INCIDENT_IS_DUPLICATE: The incident is linked as a duplicate; act on the incident it duplicates | DISPATCH_REASSIGN_NOT_ALLOWED: The assignment cannot be reassigned that way */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: The Idempotency-Key was already used with a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getResponseTimesReport: {
        parameters: {
            query: {
                jurisdictionId: string;
                from: string;
                to: string;
                origin?: components["schemas"]["IncidentOrigin"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResponseTimesReport"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getResponseTimesReportCsv: {
        parameters: {
            query: {
                jurisdictionId: string;
                from: string;
                to: string;
                origin?: components["schemas"]["IncidentOrigin"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listResponsePlans: {
        parameters: {
            query?: {
                jurisdictionId?: string;
                incidentType?: components["schemas"]["IncidentType"];
                priority?: components["schemas"]["Priority"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResponsePlan"][];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    setResponsePlan: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried command safe: a repeat with the same key and request answers the first answer again instead of acting twice; the same key with another request is refused (IDEMPOTENCY_KEY_REUSED). */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SetResponsePlanBody"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResponsePlan"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: The Idempotency-Key was already used with a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getResponsePlanInForce: {
        parameters: {
            query: {
                jurisdictionId: string;
                incidentType: components["schemas"]["IncidentType"];
                priority: components["schemas"]["Priority"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResponsePlanInForce"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getResponseTimesBreakdown: {
        parameters: {
            query: {
                jurisdictionId: string;
                from: string;
                to: string;
                origin?: components["schemas"]["IncidentOrigin"];
                by?: components["schemas"]["ReportBreakdown"];
                level?: number;
                /**
                 * @description Comma-separated whole seconds, each 1 to 3600, at most 6 distinct values (default 60,240,300)
                 * @example 60,240,300
                 */
                within?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResponseBreakdownReport"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getResponseTimesBreakdownCsv: {
        parameters: {
            query: {
                jurisdictionId: string;
                from: string;
                to: string;
                origin?: components["schemas"]["IncidentOrigin"];
                by?: components["schemas"]["ReportBreakdown"];
                level?: number;
                /**
                 * @description Comma-separated whole seconds, each 1 to 3600, at most 6 distinct values (default 60,240,300)
                 * @example 60,240,300
                 */
                within?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listMutualAidAgreements: {
        parameters: {
            query?: {
                jurisdictionId?: string;
                state?: "active" | "revoked" | "all";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MutualAidAgreement"][];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createMutualAidAgreement: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried command safe: a repeat with the same key and request answers the first answer again instead of acting twice; the same key with another request is refused (IDEMPOTENCY_KEY_REUSED). */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateMutualAidBody"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MutualAidAgreement"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description CONFLICT: The request conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: The Idempotency-Key was already used with a different request | MUTUAL_AID_NESTED: The two jurisdictions lie one inside the other and need no agreement */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getMutualAidAgreement: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MutualAidAgreement"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found | ROUTE_NOT_FOUND: No such endpoint */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    revokeMutualAidAgreement: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried command safe: a repeat with the same key and request answers the first answer again instead of acting twice; the same key with another request is refused (IDEMPOTENCY_KEY_REUSED). */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MutualAidAgreement"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found | ROUTE_NOT_FOUND: No such endpoint */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description MUTUAL_AID_REVOKED: The mutual aid agreement was already ended */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: The Idempotency-Key was already used with a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listIncidentReinforcementRequests: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReinforcementRequest"][];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found | ROUTE_NOT_FOUND: No such endpoint */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    requestReinforcements: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried command safe: a repeat with the same key and request answers the first answer again instead of acting twice; the same key with another request is refused (IDEMPOTENCY_KEY_REUSED). */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateReinforcementBody"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReinforcementRequest"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found | ROUTE_NOT_FOUND: No such endpoint */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INCIDENT_CLOSED: The incident is closed | INCIDENT_IS_DUPLICATE: The incident is linked as a duplicate; act on the incident it duplicates */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: The Idempotency-Key was already used with a different request | REINFORCEMENT_TARGET_INVALID: A reinforcement request goes to the level above the incident or to a neighbour of its jurisdiction */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listReinforcementTargets: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReinforcementTargets"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found | ROUTE_NOT_FOUND: No such endpoint */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listReinforcementRequests: {
        parameters: {
            query?: {
                addressed?: "mine" | "all";
                state?: components["schemas"]["ReinforcementState"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReinforcementRequest"][];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getReinforcementRequest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReinforcementRequest"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found | ROUTE_NOT_FOUND: No such endpoint */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listReinforcementCandidates: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReinforcementCandidate"][];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found | ROUTE_NOT_FOUND: No such endpoint */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    grantReinforcements: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried command safe: a repeat with the same key and request answers the first answer again instead of acting twice; the same key with another request is refused (IDEMPOTENCY_KEY_REUSED). */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GrantReinforcementBody"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReinforcementRequest"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope | REINFORCEMENT_NOT_ADDRESSED: The reinforcement request is not addressed to a jurisdiction where you may send units */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found | ROUTE_NOT_FOUND: No such endpoint */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INCIDENT_CLOSED: The incident is closed | REINFORCEMENT_NOT_OPEN: The reinforcement request is no longer open (fulfilled, exhausted or cancelled) | REINFORCEMENT_UNIT_UNAVAILABLE: A unit granted is not available (busy, off duty, or already lent for the incident) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: The Idempotency-Key was already used with a different request | REINFORCEMENT_UNIT_NOT_LENDABLE: A unit granted is not yours to lend, or not of the kind or capability asked for | REINFORCEMENT_TOO_MANY: More units granted than the request still asks for */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    refuseReinforcements: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried command safe: a repeat with the same key and request answers the first answer again instead of acting twice; the same key with another request is refused (IDEMPOTENCY_KEY_REUSED). */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefuseReinforcementBody"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReinforcementRequest"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope | REINFORCEMENT_NOT_ADDRESSED: The reinforcement request is not addressed to a jurisdiction where you may send units */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found | ROUTE_NOT_FOUND: No such endpoint */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description REINFORCEMENT_NOT_OPEN: The reinforcement request is no longer open (fulfilled, exhausted or cancelled) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: The Idempotency-Key was already used with a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    cancelReinforcementRequest: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried command safe: a repeat with the same key and request answers the first answer again instead of acting twice; the same key with another request is refused (IDEMPOTENCY_KEY_REUSED). */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CancelReinforcementBody"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReinforcementRequest"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found | ROUTE_NOT_FOUND: No such endpoint */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description REINFORCEMENT_NOT_OPEN: The reinforcement request is no longer open (fulfilled, exhausted or cancelled) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: The Idempotency-Key was already used with a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listPosts: {
        parameters: {
            query: {
                jurisdictionId: string;
                subtree?: "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Post"][];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createPost: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried command safe: a repeat with the same key and request answers the first answer again instead of acting twice; the same key with another request is refused (IDEMPOTENCY_KEY_REUSED). */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreatePostBody"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Post"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description CONFLICT: The request conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: The Idempotency-Key was already used with a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPost: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Post"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found | ROUTE_NOT_FOUND: No such endpoint */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPostHolderAt: {
        parameters: {
            query: {
                at: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HolderAt"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found | ROUTE_NOT_FOUND: No such endpoint */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listPostHoldings: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PostHolding"][];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found | ROUTE_NOT_FOUND: No such endpoint */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    handOverPost: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried command safe: a repeat with the same key and request answers the first answer again instead of acting twice; the same key with another request is refused (IDEMPOTENCY_KEY_REUSED). */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["HandoverBody"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Post"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found | ROUTE_NOT_FOUND: No such endpoint */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description CONFLICT: The request conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: The Idempotency-Key was already used with a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listDirectives: {
        parameters: {
            query?: {
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DirectiveSummary"][];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    issueDirective: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried command safe: a repeat with the same key and request answers the first answer again instead of acting twice; the same key with another request is refused (IDEMPOTENCY_KEY_REUSED). */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["IssueDirectiveBody"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Directive"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: The Idempotency-Key was already used with a different request | DIRECTIVE_TARGET_OUTSIDE_SUBTREE: A directive's target is not in the issuer's subtree */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getDirective: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Directive"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found | ROUTE_NOT_FOUND: No such endpoint */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getDirectiveRollup: {
        parameters: {
            query?: {
                jurisdictionId?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DirectiveRollup"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found | ROUTE_NOT_FOUND: No such endpoint */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    acknowledgeDirective: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried command safe: a repeat with the same key and request answers the first answer again instead of acting twice; the same key with another request is refused (IDEMPOTENCY_KEY_REUSED). */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
                jurisdictionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AcknowledgeDirectiveBody"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        jurisdictionId: string;
                        jurisdictionPath: string;
                        state: components["schemas"]["DirectiveTargetState"];
                        /** Format: date-time */
                        deliveredAt: string;
                        acknowledgedAt: string | null;
                        acknowledgedBy: string | null;
                        acknowledgementNote: string | null;
                        reportedAt: string | null;
                        reportedBy: string | null;
                        report: string | null;
                        acknowledgementOverdue: boolean;
                        reportOverdue: boolean;
                        acknowledgementEscalatedAt: string | null;
                        reportEscalatedAt: string | null;
                        /** Format: uuid */
                        directiveId: string;
                    };
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found | ROUTE_NOT_FOUND: No such endpoint */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description DIRECTIVE_TARGET_TRANSITION_NOT_ALLOWED: The directive target is not in a state that allows this step */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: The Idempotency-Key was already used with a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    reportOnDirective: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried command safe: a repeat with the same key and request answers the first answer again instead of acting twice; the same key with another request is refused (IDEMPOTENCY_KEY_REUSED). */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
                jurisdictionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReportBackBody"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        jurisdictionId: string;
                        jurisdictionPath: string;
                        state: components["schemas"]["DirectiveTargetState"];
                        /** Format: date-time */
                        deliveredAt: string;
                        acknowledgedAt: string | null;
                        acknowledgedBy: string | null;
                        acknowledgementNote: string | null;
                        reportedAt: string | null;
                        reportedBy: string | null;
                        report: string | null;
                        acknowledgementOverdue: boolean;
                        reportOverdue: boolean;
                        acknowledgementEscalatedAt: string | null;
                        reportEscalatedAt: string | null;
                        /** Format: uuid */
                        directiveId: string;
                    };
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found | ROUTE_NOT_FOUND: No such endpoint */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description DIRECTIVE_TARGET_TRANSITION_NOT_ALLOWED: The directive target is not in a state that allows this step */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: The Idempotency-Key was already used with a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listTasks: {
        parameters: {
            query?: {
                directiveId?: string;
                campaignId?: string;
                standingDutyId?: string;
                jurisdictionId?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskListItem"][];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createTask: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried command safe: a repeat with the same key and request answers the first answer again instead of acting twice; the same key with another request is refused (IDEMPOTENCY_KEY_REUSED). */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateTaskBody"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Task"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description TASK_CHANGE_NOT_ALLOWED: The task cannot be changed that way (same owner, nothing changed, a move under itself, or a standing duty's period task moved from the top) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: The Idempotency-Key was already used with a different request | TASK_OWNER_OUTSIDE_SUBTREE: The task's owner post is not under the task it breaks down (or the directive's targets, the campaign's issuer or scope) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getTaskHistory: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskHistoryEntry"][];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found | ROUTE_NOT_FOUND: No such endpoint */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getTaskEvidenceContent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                evidenceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found | ROUTE_NOT_FOUND: No such endpoint */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    reassignTask: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried command safe: a repeat with the same key and request answers the first answer again instead of acting twice; the same key with another request is refused (IDEMPOTENCY_KEY_REUSED). */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReassignTaskBody"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Task"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found | ROUTE_NOT_FOUND: No such endpoint */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description TASK_CHANGE_NOT_ALLOWED: The task cannot be changed that way (same owner, nothing changed, a move under itself, or a standing duty's period task moved from the top) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: The Idempotency-Key was already used with a different request | TASK_OWNER_OUTSIDE_SUBTREE: The task's owner post is not under the task it breaks down (or the directive's targets, the campaign's issuer or scope) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    redecomposeTask: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried command safe: a repeat with the same key and request answers the first answer again instead of acting twice; the same key with another request is refused (IDEMPOTENCY_KEY_REUSED). */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RedecomposeTaskBody"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Task"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found | ROUTE_NOT_FOUND: No such endpoint */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description TASK_CHANGE_NOT_ALLOWED: The task cannot be changed that way (same owner, nothing changed, a move under itself, or a standing duty's period task moved from the top) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: The Idempotency-Key was already used with a different request | TASK_OWNER_OUTSIDE_SUBTREE: The task's owner post is not under the task it breaks down (or the directive's targets, the campaign's issuer or scope) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getTask: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskDetail"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found | ROUTE_NOT_FOUND: No such endpoint */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    reportTaskProgress: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried command safe: a repeat with the same key and request answers the first answer again instead of acting twice; the same key with another request is refused (IDEMPOTENCY_KEY_REUSED). */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProgressReportBody"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Task"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found | ROUTE_NOT_FOUND: No such endpoint */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description TASK_HAS_SUBTASKS: The progress of a task with subtasks is rolled up from them */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: The request body is too large | UPLOAD_TOO_LARGE: The uploaded file is larger than allowed */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: Unsupported content type | UPLOAD_TYPE_NOT_ALLOWED: The uploaded file is not of an allowed type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: The Idempotency-Key was already used with a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listStandingDuties: {
        parameters: {
            query: {
                jurisdictionId: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StandingDuty"][];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createStandingDuty: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried command safe: a repeat with the same key and request answers the first answer again instead of acting twice; the same key with another request is refused (IDEMPOTENCY_KEY_REUSED). */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateStandingDutyBody"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StandingDuty"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: The Idempotency-Key was already used with a different request | TASK_OWNER_OUTSIDE_SUBTREE: The task's owner post is not under the task it breaks down (or the directive's targets, the campaign's issuer or scope) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getTileJson: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TileJson"];
                };
            };
            /** @description MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getVectorTile: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                z: number;
                x: number;
                y: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found | ROUTE_NOT_FOUND: No such endpoint */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getGlyphs: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                fontstack: string;
                range: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found | ROUTE_NOT_FOUND: No such endpoint */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getIsochrones: {
        parameters: {
            query?: {
                lat?: number;
                lon?: number;
                /**
                 * @description Comma-separated whole minutes, each 1 to 60, at most 5 distinct values (default 1,3,5)
                 * @example 1,3,5
                 */
                minutes?: string;
                from?: "place" | "units";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Isochrones"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getLiveCoverage: {
        parameters: {
            query?: {
                jurisdictionId?: string;
                category?: string;
                unitKind?: components["schemas"]["UnitKind"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LiveCoverage"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    planPlacement: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried command safe: a repeat with the same key and request answers the first answer again instead of acting twice; the same key with another request is refused (IDEMPOTENCY_KEY_REUSED). */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PlacementRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlacementResult"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: The request body is too large | PLACEMENT_TOO_LARGE: The placement model is larger than the configured limits */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: The Idempotency-Key was already used with a different request | PLACEMENT_MODEL_INVALID: The placement model cannot be solved as given (more posts than candidates, no demand, a negative weight, a time limit of zero, or demand no candidate reaches) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listSupervisionVisits: {
        parameters: {
            query?: {
                jurisdictionId?: string;
                subjectType?: components["schemas"]["SupervisionSubject"];
                subjectId?: string;
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VisitPage"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    recordSupervisionVisit: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried command safe: a repeat with the same key and request answers the first answer again instead of acting twice; the same key with another request is refused (IDEMPOTENCY_KEY_REUSED). */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RecordVisitBody"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupervisionVisit"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: The Idempotency-Key was already used with a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getSupervisionVisit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupervisionVisit"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found | ROUTE_NOT_FOUND: No such endpoint */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getAccountabilityTrace: {
        parameters: {
            query?: {
                incidentId?: string;
                placeId?: string;
                from?: string;
                to?: string;
                radiusM?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountabilityTrace"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read | TRACE_WINDOW_INVALID: The accountability trace needs an incident, or a place with a time window of at most 366 days */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listTraceAuditEntries: {
        parameters: {
            query: {
                ids: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditEntry"][];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getAccountabilityTraceCsv: {
        parameters: {
            query?: {
                incidentId?: string;
                placeId?: string;
                from?: string;
                to?: string;
                radiusM?: number;
                /** @description The language of the words (ids and paths stay as they are) */
                lang?: "en" | "zh-CN";
                /** @description The time zone the dates are shown in */
                timeZone?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read | TRACE_WINDOW_INVALID: The accountability trace needs an incident, or a place with a time window of at most 366 days */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getAccountabilityTraceHtml: {
        parameters: {
            query?: {
                incidentId?: string;
                placeId?: string;
                from?: string;
                to?: string;
                radiusM?: number;
                /** @description The language of the words (ids and paths stay as they are) */
                lang?: "en" | "zh-CN";
                /** @description The time zone the dates are shown in */
                timeZone?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read | TRACE_WINDOW_INVALID: The accountability trace needs an incident, or a place with a time window of at most 366 days */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listHistoryImports: {
        parameters: {
            query?: {
                jurisdictionId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportBatchList"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    importHistoricalCalls: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried command safe: a repeat with the same key and request answers the first answer again instead of acting twice; the same key with another request is refused (IDEMPOTENCY_KEY_REUSED). */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ImportCallsBody"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CallsImportSummary"];
                };
            };
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CallsImportSummary"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: The Idempotency-Key was already used with a different request | HISTORY_ROWS_REJECTED: Rows of the CAD export cannot be read; nothing was imported (fix them, or import the rest with allowPartial) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    undoHistoryImport: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried command safe: a repeat with the same key and request answers the first answer again instead of acting twice; the same key with another request is refused (IDEMPOTENCY_KEY_REUSED). */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UndoImportResult"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found | ROUTE_NOT_FOUND: No such endpoint */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description CONFLICT: The request conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: The Idempotency-Key was already used with a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    onboardRecords: {
        parameters: {
            query?: {
                dryRun?: "true" | "false";
                allowPartial?: "true" | "false";
                encoding?: components["schemas"]["OnboardEncoding"];
                file?: string;
                map?: string;
                set?: string;
                ignoreExtra?: "true" | "false";
            };
            header?: {
                /** @description Makes a retried command safe: a repeat with the same key and request answers the first answer again instead of acting twice; the same key with another request is refused (IDEMPOTENCY_KEY_REUSED). */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                kind: components["schemas"]["OnboardKind"];
            };
            cookie?: never;
        };
        /** @description The list as a file, its bytes as they are (no multipart form): CSV with a header row naming the columns (`map` renames them, `set` fills one for every row), or a GeoJSON FeatureCollection of points whose properties are the columns. Read as UTF-8 (a BOM is fine) or UTF-16 by its BOM, or in `encoding`. The example is a `units` list; the columns of each kind are in the README (Onboarding your agency). At most 32 MiB; a larger one is refused (413). */
        requestBody: {
            content: {
                /**
                 * @example call_sign,kind,jurisdiction,crew_size,capabilities,home_station,lon,lat,on_duty
                 *     E 41,fire_engine,li.oberland.vaduz,4,pump;water,Fire Station Vaduz,,,yes
                 *     A 12,ambulance,li.oberland.vaduz,2,als,,9.5200,47.1400,no
                 */
                "text/csv": Blob;
                /** @example {"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[9.52,47.14]},"properties":{"call_sign":"A 12","kind":"ambulance","jurisdiction":"li.oberland.vaduz","crew_size":2}}]} */
                "application/geo+json": Blob;
                "text/plain": Blob;
                "application/octet-stream": Blob;
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OnboardReport"];
                };
            };
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OnboardReport"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found | ROUTE_NOT_FOUND: No such endpoint */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description CONFLICT: The request conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: The Idempotency-Key was already used with a different request | ONBOARD_ROWS_REJECTED: Rows of the onboarding file were rejected; nothing was written (fix them, or load the rest with allowPartial) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listOnboardingBatches: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OnboardBatchList"];
                };
            };
            /** @description MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    undoOnboardingBatch: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried command safe: a repeat with the same key and request answers the first answer again instead of acting twice; the same key with another request is refused (IDEMPOTENCY_KEY_REUSED). */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UndoOnboardResult"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found | ROUTE_NOT_FOUND: No such endpoint */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description CONFLICT: The request conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: The Idempotency-Key was already used with a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    searchLocations: {
        parameters: {
            query: {
                q: string;
                near?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GeocodeResponse"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    reverseGeocode: {
        parameters: {
            query: {
                lon: number;
                lat: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReverseGeocodeResponse"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listAlertReceipts: {
        parameters: {
            query: {
                since: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AlertReceipt"][];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    markAlertsSeen: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried command safe: a repeat with the same key and request answers the first answer again instead of acting twice; the same key with another request is refused (IDEMPOTENCY_KEY_REUSED). */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MarkAlertsBody"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MarkAlertsResult"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: The Idempotency-Key was already used with a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPremiseAtIntake: {
        parameters: {
            query: {
                lon: number;
                lat: number;
                type?: components["schemas"]["IncidentType"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Premise"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getSetupStatus: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SetupStatus"];
                };
            };
            /** @description MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    importOsmAtSetup: {
        parameters: {
            query?: {
                countryCode?: string;
                levels?: string;
                rootName?: string;
                dryRun?: "true" | "false";
            };
            header?: {
                /** @description Makes a retried command safe: a repeat with the same key and request answers the first answer again instead of acting twice; the same key with another request is refused (IDEMPOTENCY_KEY_REUSED). */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        /** @description The region's OpenStreetMap extract in the PBF format (`.osm.pbf`, e.g. from Geofabrik), its bytes as they are: no multipart form, no JSON. Streamed to the data folder as it arrives; any Content-Type is taken (the file is recognised by its first block, an OSMHeader). At most 512 MiB; a larger one is refused (413). */
        requestBody: {
            content: {
                "application/octet-stream": Blob;
                "application/x-protobuf": Blob;
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SetupOsmReport"];
                };
            };
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SetupOsmReport"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description CONFLICT: The request conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: The request body is too large | UPLOAD_TOO_LARGE: The uploaded file is larger than allowed */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: The Idempotency-Key was already used with a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getMajorIncidentSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        levels: components["schemas"]["ResponseLevelRule"][];
                        reportUpMinutes: {
                            first: number;
                            written: number;
                        };
                        sitrepIntervalMinutes: number;
                        alertLanguages: string[];
                    };
                };
            };
            /** @description MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listMajorIncidents: {
        parameters: {
            query?: {
                state?: "active" | "stood_down";
                exercise?: "true" | "false";
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MajorIncidentSummary"][];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    declareMajorIncident: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried command safe: a repeat with the same key and request answers the first answer again instead of acting twice; the same key with another request is refused (IDEMPOTENCY_KEY_REUSED). */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DeclareMajorIncidentBody"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MajorIncident"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found | NO_JURISDICTION_AT_POINT: No jurisdiction contains that point */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INCIDENT_CLOSED: The incident is closed | MAJOR_INCIDENT_ALREADY_DECLARED: A major incident is already declared for that incident */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: The Idempotency-Key was already used with a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getMajorIncident: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MajorIncident"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found | ROUTE_NOT_FOUND: No such endpoint */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listSitreps: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Sitrep"][];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found | ROUTE_NOT_FOUND: No such endpoint */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    submitSitrep: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried command safe: a repeat with the same key and request answers the first answer again instead of acting twice; the same key with another request is refused (IDEMPOTENCY_KEY_REUSED). */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SitrepBody"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Sitrep"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found | ROUTE_NOT_FOUND: No such endpoint */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description MAJOR_INCIDENT_STOOD_DOWN: The major incident has been stood down | MAJOR_INCIDENT_NO_COMMANDER: The major incident has no incident commander yet; appoint one first | MAJOR_INCIDENT_CHANGE_NOT_ALLOWED: The major incident cannot be changed that way (same level, post already holding the position, report already sent, or unit not assigned) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: The Idempotency-Key was already used with a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getAfterActionReport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AfterActionReport"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found | ROUTE_NOT_FOUND: No such endpoint */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getAfterActionTimelineCsv: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found | ROUTE_NOT_FOUND: No such endpoint */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    changeMajorIncidentLevel: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried command safe: a repeat with the same key and request answers the first answer again instead of acting twice; the same key with another request is refused (IDEMPOTENCY_KEY_REUSED). */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangeLevelBody"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MajorIncident"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found | ROUTE_NOT_FOUND: No such endpoint */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description MAJOR_INCIDENT_STOOD_DOWN: The major incident has been stood down | MAJOR_INCIDENT_CHANGE_NOT_ALLOWED: The major incident cannot be changed that way (same level, post already holding the position, report already sent, or unit not assigned) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: The Idempotency-Key was already used with a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    reportMajorIncidentUp: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried command safe: a repeat with the same key and request answers the first answer again instead of acting twice; the same key with another request is refused (IDEMPOTENCY_KEY_REUSED). */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReportUpBody"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MajorIncident"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found | ROUTE_NOT_FOUND: No such endpoint */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description MAJOR_INCIDENT_STOOD_DOWN: The major incident has been stood down | MAJOR_INCIDENT_CHANGE_NOT_ALLOWED: The major incident cannot be changed that way (same level, post already holding the position, report already sent, or unit not assigned) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: The Idempotency-Key was already used with a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createCommandPosition: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried command safe: a repeat with the same key and request answers the first answer again instead of acting twice; the same key with another request is refused (IDEMPOTENCY_KEY_REUSED). */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreatePositionBody"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MajorIncident"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found | ROUTE_NOT_FOUND: No such endpoint */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description MAJOR_INCIDENT_STOOD_DOWN: The major incident has been stood down | MAJOR_INCIDENT_POSITION_TAKEN: The command structure already has that position (one commander, one of each section, sector names unique) | MAJOR_INCIDENT_CHANGE_NOT_ALLOWED: The major incident cannot be changed that way (same level, post already holding the position, report already sent, or unit not assigned) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: The Idempotency-Key was already used with a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    handCommandPosition: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried command safe: a repeat with the same key and request answers the first answer again instead of acting twice; the same key with another request is refused (IDEMPOTENCY_KEY_REUSED). */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
                positionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["HandPositionBody"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MajorIncident"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found | ROUTE_NOT_FOUND: No such endpoint */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description MAJOR_INCIDENT_STOOD_DOWN: The major incident has been stood down | MAJOR_INCIDENT_CHANGE_NOT_ALLOWED: The major incident cannot be changed that way (same level, post already holding the position, report already sent, or unit not assigned) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: The Idempotency-Key was already used with a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    assignUnitToSector: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried command safe: a repeat with the same key and request answers the first answer again instead of acting twice; the same key with another request is refused (IDEMPOTENCY_KEY_REUSED). */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
                positionId: string;
                unitId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MajorIncident"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found | ROUTE_NOT_FOUND: No such endpoint */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description MAJOR_INCIDENT_STOOD_DOWN: The major incident has been stood down | MAJOR_INCIDENT_UNIT_ELSEWHERE: The unit is assigned to another major incident; release it there first | MAJOR_INCIDENT_CHANGE_NOT_ALLOWED: The major incident cannot be changed that way (same level, post already holding the position, report already sent, or unit not assigned) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: The Idempotency-Key was already used with a different request | MAJOR_INCIDENT_NOT_A_SECTOR: Units and casualties are recorded on a sector of the command structure */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    releaseUnitFromSector: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried command safe: a repeat with the same key and request answers the first answer again instead of acting twice; the same key with another request is refused (IDEMPOTENCY_KEY_REUSED). */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
                unitId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MajorIncident"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found | ROUTE_NOT_FOUND: No such endpoint */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description MAJOR_INCIDENT_STOOD_DOWN: The major incident has been stood down | MAJOR_INCIDENT_CHANGE_NOT_ALLOWED: The major incident cannot be changed that way (same level, post already holding the position, report already sent, or unit not assigned) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: The Idempotency-Key was already used with a different request | MAJOR_INCIDENT_NOT_A_SECTOR: Units and casualties are recorded on a sector of the command structure */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    reportSectorCasualties: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried command safe: a repeat with the same key and request answers the first answer again instead of acting twice; the same key with another request is refused (IDEMPOTENCY_KEY_REUSED). */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
                positionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CasualtyCounts"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MajorIncident"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found | ROUTE_NOT_FOUND: No such endpoint */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description MAJOR_INCIDENT_STOOD_DOWN: The major incident has been stood down | MAJOR_INCIDENT_CHANGE_NOT_ALLOWED: The major incident cannot be changed that way (same level, post already holding the position, report already sent, or unit not assigned) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: The Idempotency-Key was already used with a different request | MAJOR_INCIDENT_NOT_A_SECTOR: Units and casualties are recorded on a sector of the command structure */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    setCordon: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried command safe: a repeat with the same key and request answers the first answer again instead of acting twice; the same key with another request is refused (IDEMPOTENCY_KEY_REUSED). */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
                kind: components["schemas"]["CordonKind"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CordonBody"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MajorIncident"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read | GEOMETRY_INVALID: The geometry is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found | ROUTE_NOT_FOUND: No such endpoint */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description MAJOR_INCIDENT_STOOD_DOWN: The major incident has been stood down | MAJOR_INCIDENT_CHANGE_NOT_ALLOWED: The major incident cannot be changed that way (same level, post already holding the position, report already sent, or unit not assigned) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: The Idempotency-Key was already used with a different request | MAJOR_INCIDENT_CORDON_OUTSIDE_SCOPE: The cordon reaches beyond the commanding jurisdiction's area, or the inner cordon beyond the outer one */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    liftCordon: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried command safe: a repeat with the same key and request answers the first answer again instead of acting twice; the same key with another request is refused (IDEMPOTENCY_KEY_REUSED). */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
                kind: components["schemas"]["CordonKind"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MajorIncident"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found | ROUTE_NOT_FOUND: No such endpoint */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description MAJOR_INCIDENT_STOOD_DOWN: The major incident has been stood down | MAJOR_INCIDENT_NO_CORDON: The major incident has no such cordon drawn | MAJOR_INCIDENT_CHANGE_NOT_ALLOWED: The major incident cannot be changed that way (same level, post already holding the position, report already sent, or unit not assigned) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: The Idempotency-Key was already used with a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    addMajorIncidentPoint: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried command safe: a repeat with the same key and request answers the first answer again instead of acting twice; the same key with another request is refused (IDEMPOTENCY_KEY_REUSED). */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AddMajorPointBody"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MajorIncident"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found | ROUTE_NOT_FOUND: No such endpoint */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description MAJOR_INCIDENT_STOOD_DOWN: The major incident has been stood down | MAJOR_INCIDENT_CHANGE_NOT_ALLOWED: The major incident cannot be changed that way (same level, post already holding the position, report already sent, or unit not assigned) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: The Idempotency-Key was already used with a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    removeMajorIncidentPoint: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried command safe: a repeat with the same key and request answers the first answer again instead of acting twice; the same key with another request is refused (IDEMPOTENCY_KEY_REUSED). */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
                pointId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MajorIncident"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found | ROUTE_NOT_FOUND: No such endpoint */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description MAJOR_INCIDENT_STOOD_DOWN: The major incident has been stood down | MAJOR_INCIDENT_CHANGE_NOT_ALLOWED: The major incident cannot be changed that way (same level, post already holding the position, report already sent, or unit not assigned) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: The Idempotency-Key was already used with a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listPublicAlerts: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicAlert"][];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found | ROUTE_NOT_FOUND: No such endpoint */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    issuePublicAlert: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried command safe: a repeat with the same key and request answers the first answer again instead of acting twice; the same key with another request is refused (IDEMPOTENCY_KEY_REUSED). */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["IssueAlertBody"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicAlert"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read | GEOMETRY_INVALID: The geometry is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found | ROUTE_NOT_FOUND: No such endpoint */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description MAJOR_INCIDENT_STOOD_DOWN: The major incident has been stood down | MAJOR_INCIDENT_NO_CORDON: The major incident has no such cordon drawn | MAJOR_INCIDENT_CHANGE_NOT_ALLOWED: The major incident cannot be changed that way (same level, post already holding the position, report already sent, or unit not assigned) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: The Idempotency-Key was already used with a different request | MAJOR_INCIDENT_CORDON_OUTSIDE_SCOPE: The cordon reaches beyond the commanding jurisdiction's area, or the inner cordon beyond the outer one | MAJOR_INCIDENT_ALERT_LANGUAGES: A public alert carries one text in each of the agency's alert languages, and no other */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updatePublicAlert: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried command safe: a repeat with the same key and request answers the first answer again instead of acting twice; the same key with another request is refused (IDEMPOTENCY_KEY_REUSED). */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
                alertId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["IssueAlertBody"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicAlert"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read | GEOMETRY_INVALID: The geometry is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found | ROUTE_NOT_FOUND: No such endpoint | MAJOR_INCIDENT_ALERT_NOT_FOUND: No such public alert of this major incident */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description MAJOR_INCIDENT_STOOD_DOWN: The major incident has been stood down | MAJOR_INCIDENT_NO_CORDON: The major incident has no such cordon drawn | MAJOR_INCIDENT_ALERT_CANCELLED: The public alert has been cancelled; issue a new one | MAJOR_INCIDENT_CHANGE_NOT_ALLOWED: The major incident cannot be changed that way (same level, post already holding the position, report already sent, or unit not assigned) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: The Idempotency-Key was already used with a different request | MAJOR_INCIDENT_CORDON_OUTSIDE_SCOPE: The cordon reaches beyond the commanding jurisdiction's area, or the inner cordon beyond the outer one | MAJOR_INCIDENT_ALERT_LANGUAGES: A public alert carries one text in each of the agency's alert languages, and no other */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    cancelPublicAlert: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried command safe: a repeat with the same key and request answers the first answer again instead of acting twice; the same key with another request is refused (IDEMPOTENCY_KEY_REUSED). */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
                alertId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CancelAlertBody"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicAlert"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found | ROUTE_NOT_FOUND: No such endpoint | MAJOR_INCIDENT_ALERT_NOT_FOUND: No such public alert of this major incident */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description MAJOR_INCIDENT_ALERT_CANCELLED: The public alert has been cancelled; issue a new one | MAJOR_INCIDENT_CHANGE_NOT_ALLOWED: The major incident cannot be changed that way (same level, post already holding the position, report already sent, or unit not assigned) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: The Idempotency-Key was already used with a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    standDownMajorIncident: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried command safe: a repeat with the same key and request answers the first answer again instead of acting twice; the same key with another request is refused (IDEMPOTENCY_KEY_REUSED). */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    note: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MajorIncident"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found | ROUTE_NOT_FOUND: No such endpoint */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description MAJOR_INCIDENT_STOOD_DOWN: The major incident has been stood down | MAJOR_INCIDENT_CHANGE_NOT_ALLOWED: The major incident cannot be changed that way (same level, post already holding the position, report already sent, or unit not assigned) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: The Idempotency-Key was already used with a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPublicAlertFeed: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getExerciseAlertFeed: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPublicAlertCap: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found | ROUTE_NOT_FOUND: No such endpoint */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listHazardClasses: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": string[];
                };
            };
            /** @description MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listGoodsSites: {
        parameters: {
            query?: {
                jurisdictionId?: string;
                state?: components["schemas"]["LicenceState"];
                near?: string;
                radiusMeters?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GoodsSite"][];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    licenseGoodsSite: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried command safe: a repeat with the same key and request answers the first answer again instead of acting twice; the same key with another request is refused (IDEMPOTENCY_KEY_REUSED). */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateGoodsSiteBody"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GoodsSite"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description GOODS_SITE_EXISTS: The place already holds a licence; renew or change that one */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: The Idempotency-Key was already used with a different request | GOODS_ITEM_CONFLICT: The item is already known with another unit, class or kind (an item is measured the same everywhere) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getGoodsSite: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GoodsSite"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found | ROUTE_NOT_FOUND: No such endpoint */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    renewGoodsLicence: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried command safe: a repeat with the same key and request answers the first answer again instead of acting twice; the same key with another request is refused (IDEMPOTENCY_KEY_REUSED). */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RenewLicenceBody"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GoodsSite"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found | ROUTE_NOT_FOUND: No such endpoint */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description CONFLICT: The request conflicts with the current state | GOODS_LICENCE_BELOW_STOCK: The licence would allow less than the site holds now (or drop an item it holds): move the stock out first */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: The Idempotency-Key was already used with a different request | GOODS_ITEM_CONFLICT: The item is already known with another unit, class or kind (an item is measured the same everywhere) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listGoodsSiteTransfers: {
        parameters: {
            query?: {
                itemKey?: string;
                limit?: number;
                before?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GoodsTransfer"][];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found | ROUTE_NOT_FOUND: No such endpoint */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    recordGoodsTransfer: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried command safe: a repeat with the same key and request answers the first answer again instead of acting twice; the same key with another request is refused (IDEMPOTENCY_KEY_REUSED). */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RecordTransferBody"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GoodsTransfer"];
                };
            };
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GoodsTransfer"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description GOODS_LICENCE_NOT_VALID: The licence is not valid now (lapsed or not yet in force): the site may not take goods in | GOODS_INSUFFICIENT_BALANCE: The movement takes more than the site holds of that item (no balance may go below zero) | GOODS_LICENCE_MAXIMUM_EXCEEDED: The movement would bring the site's stock of the item above its licence's maximum | GOODS_TRANSFER_EXISTS: A different movement was already recorded with that id */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: The Idempotency-Key was already used with a different request | GOODS_NOT_LICENSED: The site is not licensed to hold that item */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    recordGoodsTransferBatch: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried command safe: a repeat with the same key and request answers the first answer again instead of acting twice; the same key with another request is refused (IDEMPOTENCY_KEY_REUSED). */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RecordTransfersBody"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecordedTransfers"];
                };
            };
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecordedTransfers"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description GOODS_LICENCE_NOT_VALID: The licence is not valid now (lapsed or not yet in force): the site may not take goods in | GOODS_INSUFFICIENT_BALANCE: The movement takes more than the site holds of that item (no balance may go below zero) | GOODS_LICENCE_MAXIMUM_EXCEEDED: The movement would bring the site's stock of the item above its licence's maximum | GOODS_TRANSFER_EXISTS: A different movement was already recorded with that id */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: The Idempotency-Key was already used with a different request | GOODS_NOT_LICENSED: The site is not licensed to hold that item */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getGoodsTransfer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GoodsTransfer"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found | ROUTE_NOT_FOUND: No such endpoint */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    reverseGoodsTransfer: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried command safe: a repeat with the same key and request answers the first answer again instead of acting twice; the same key with another request is refused (IDEMPOTENCY_KEY_REUSED). */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReverseTransferBody"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GoodsTransfer"];
                };
            };
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GoodsTransfer"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found | ROUTE_NOT_FOUND: No such endpoint */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description GOODS_INSUFFICIENT_BALANCE: The movement takes more than the site holds of that item (no balance may go below zero) | GOODS_LICENCE_MAXIMUM_EXCEEDED: The movement would bring the site's stock of the item above its licence's maximum | GOODS_TRANSFER_EXISTS: A different movement was already recorded with that id | GOODS_TRANSFER_REVERSED: The movement was already reversed (or is itself a reversal) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: The Idempotency-Key was already used with a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    reconcileGoodsStock: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried command safe: a repeat with the same key and request answers the first answer again instead of acting twice; the same key with another request is refused (IDEMPOTENCY_KEY_REUSED). */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReconcileBody"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Reconciliation"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found | ROUTE_NOT_FOUND: No such endpoint */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: The Idempotency-Key was already used with a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listGoodsSiteDiscrepancies: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GoodsDiscrepancy"][];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found | ROUTE_NOT_FOUND: No such endpoint */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    reportGoodsDiscrepancies: {
        parameters: {
            query?: {
                jurisdictionId?: string;
                since?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DiscrepancyReportRow"][];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listTransportPermits: {
        parameters: {
            query?: {
                state?: components["schemas"]["PermitState"];
                active?: "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TransportPermit"][];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    issueTransportPermit: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried command safe: a repeat with the same key and request answers the first answer again instead of acting twice; the same key with another request is refused (IDEMPOTENCY_KEY_REUSED). */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["IssuePermitBody"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TransportPermit"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description GOODS_LICENCE_NOT_VALID: The licence is not valid now (lapsed or not yet in force): the site may not take goods in | GOODS_INSUFFICIENT_BALANCE: The movement takes more than the site holds of that item (no balance may go below zero) | GOODS_LICENCE_MAXIMUM_EXCEEDED: The movement would bring the site's stock of the item above its licence's maximum */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: The Idempotency-Key was already used with a different request | GOODS_NOT_LICENSED: The site is not licensed to hold that item | GOODS_ROUTE_NONE: No road route between the sites keeps out of the protected zones (schools and kindergartens in their hours, cordons) | GOODS_PERMIT_OUTSIDE_SCOPE: The approved route would leave the jurisdictions you may issue permits for */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getTransportPermit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TransportPermit"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found | ROUTE_NOT_FOUND: No such endpoint */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listTransportPermitAlerts: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TransportAlert"][];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found | ROUTE_NOT_FOUND: No such endpoint */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getTransportPermitTrail: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TrailPoint"][];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found | ROUTE_NOT_FOUND: No such endpoint */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    reportTransportPositions: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried command safe: a repeat with the same key and request answers the first answer again instead of acting twice; the same key with another request is refused (IDEMPOTENCY_KEY_REUSED). */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TransportFixesBody"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TransportFixesResult"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found | ROUTE_NOT_FOUND: No such endpoint */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description GOODS_PERMIT_FINISHED: The transport permit is finished (arrived, received or cancelled): it takes no more fixes or changes */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: The Idempotency-Key was already used with a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    receiveTransport: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried command safe: a repeat with the same key and request answers the first answer again instead of acting twice; the same key with another request is refused (IDEMPOTENCY_KEY_REUSED). */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PermitActionBody"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TransportPermit"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found | ROUTE_NOT_FOUND: No such endpoint */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description GOODS_LICENCE_NOT_VALID: The licence is not valid now (lapsed or not yet in force): the site may not take goods in | GOODS_LICENCE_MAXIMUM_EXCEEDED: The movement would bring the site's stock of the item above its licence's maximum | GOODS_PERMIT_FINISHED: The transport permit is finished (arrived, received or cancelled): it takes no more fixes or changes */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: The Idempotency-Key was already used with a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    cancelTransportPermit: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried command safe: a repeat with the same key and request answers the first answer again instead of acting twice; the same key with another request is refused (IDEMPOTENCY_KEY_REUSED). */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PermitActionBody"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TransportPermit"];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found | ROUTE_NOT_FOUND: No such endpoint */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description GOODS_LICENCE_MAXIMUM_EXCEEDED: The movement would bring the site's stock of the item above its licence's maximum | GOODS_PERMIT_FINISHED: The transport permit is finished (arrived, received or cancelled): it takes no more fixes or changes */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: The Idempotency-Key was already used with a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listTransportAlerts: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TransportAlert"][];
                };
            };
            /** @description MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listMajorIncidentHoldings: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SiteHoldingsNear"][];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found | ROUTE_NOT_FOUND: No such endpoint */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listAuditEntries: {
        parameters: {
            query?: {
                action?: string;
                entityId?: string;
                actorId?: string;
                from?: string;
                to?: string;
                afterSeq?: number;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditEntry"][];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description NOT_FOUND: Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    verifyAuditChain: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        ok: boolean;
                        rows: number;
                        pending: number;
                        headHash?: string;
                        broken?: unknown;
                    };
                };
            };
            /** @description MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listRecentEvents: {
        parameters: {
            query: {
                types: string;
                since: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StreamEvent"][];
                };
            };
            /** @description VALIDATION_FAILED: The request is not valid | MALFORMED_REQUEST: The request could not be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description AUTH_REQUIRED: Authentication is required | AUTH_SESSION_IDLE: The session ended after a period without activity; sign in again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description FORBIDDEN: Not allowed in your jurisdiction scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description INTERNAL: Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
}
