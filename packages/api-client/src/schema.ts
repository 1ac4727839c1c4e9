// Generated from the CRM's OpenAPI document by openapi-typescript: do not edit.
// Regenerate with `npx -y pnpm@10.34.9 api-client`.
export interface paths {
    "/api/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The process is alive
         * @description No authentication.
         */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The database answers
         * @description No authentication.
         */
        get: operations["getReady"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
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
         * Log in with username and password
         * @description Returns a short-lived access token and a rotating refresh token (also set as an httpOnly cookie). A wrong username or password gets the same 401. Repeated failures lock the username for a while (429).
         *
         *     No authentication.
         */
        post: operations["postAuthLogin"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Exchange a refresh token for new tokens
         * @description The refresh token comes from the body or the cookie. It is single-use: the answer carries its replacement, and presenting a used one again revokes the whole session.
         *
         *     No authentication.
         */
        post: operations["postAuthRefresh"];
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
         * End the session of a refresh token
         * @description No authentication.
         */
        post: operations["postAuthLogout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller's own profile and permissions
         * @description Any authenticated caller.
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
    "/api/v1/me/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change the caller's password
         * @description Ends every other session of the user and returns a fresh one.
         *
         *     Any authenticated caller.
         */
        post: operations["postMePassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/notification-preferences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Which kinds of notification the caller wants in the app
         * @description Any authenticated caller.
         */
        get: operations["getMeNotificationPreferences"];
        /**
         * Replace the caller's notification choices
         * @description A kind set to false is no longer notified to the caller, whoever or whatever produces it; a kind left out is on.
         *
         *     Any authenticated caller.
         */
        put: operations["putMeNotificationPreferences"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 我的统计: the caller's own figures for a period, and a 12-month trend
         * @description Days are Asia/Shanghai dates, both ends included. The trend covers the 12 months up to the period's last month.
         *
         *     Any authenticated caller.
         */
        get: operations["getMeStats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/departments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The organisation tree, flat (each department names its parent)
         * @description Permission `department:read`.
         */
        get: operations["getDepartments"];
        put?: never;
        /**
         * Create a department (code Dep-NN generated)
         * @description Permission `department:manage`.
         */
        post: operations["postDepartments"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/departments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One department
         * @description Permission `department:read`.
         */
        get: operations["getDepartmentsById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Rename, move or change the head of a department
         * @description Honours If-Match (412 on a stale version). Moving under itself or its own subtree is 409.
         *
         *     Permission `department:manage`.
         */
        patch: operations["patchDepartmentsById"];
        trace?: never;
    };
    "/api/v1/departments/{id}/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Disable an empty department
         * @description Permission `department:manage`.
         */
        post: operations["postDepartmentsDisable"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/departments/{id}/enable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Enable a department again
         * @description Permission `department:manage`.
         */
        post: operations["postDepartmentsEnable"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * People within the caller's data scope
         * @description Salary appears only with user:salary_read. Cursor-paginated, sorted by username.
         *
         *     Permission `user:read`.
         */
        get: operations["getUsers"];
        put?: never;
        /**
         * Create a user
         * @description The user must change the initial password at first login; a generated one is returned once. Assigning roles needs role:manage, setting a salary needs user:salary_read.
         *
         *     Permission `user:create`.
         */
        post: operations["postUsers"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One user
         * @description Permission `user:read`.
         */
        get: operations["getUsersById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a user's profile, department, manager or roles
         * @description Honours If-Match (412 on a stale version).
         *
         *     Permission `user:update`.
         */
        patch: operations["patchUsersById"];
        trace?: never;
    };
    "/api/v1/users/{id}/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Disable a user (ends their sessions; records are kept)
         * @description Permission `user:update`.
         */
        post: operations["postUsersDisable"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/enable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Enable a user again
         * @description Permission `user:update`.
         */
        post: operations["postUsersEnable"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/reset-password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Set a temporary password the user must change at next login
         * @description Permission `user:reset_password`.
         */
        post: operations["postUsersResetPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/permissions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every permission (module × action) and data scope
         * @description Any authenticated caller.
         */
        get: operations["getPermissions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/roles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * All roles
         * @description Permission `role:read`.
         */
        get: operations["getRoles"];
        put?: never;
        /**
         * Create a role
         * @description Permission `role:manage`.
         */
        post: operations["postRoles"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/roles/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One role
         * @description Permission `role:read`.
         */
        get: operations["getRolesById"];
        put?: never;
        post?: never;
        /**
         * Delete a role (soft; restorable)
         * @description Permission `role:manage`.
         */
        delete: operations["deleteRolesById"];
        options?: never;
        head?: never;
        /**
         * Change a role's name, permissions or data scope
         * @description Honours If-Match. Refused (409) when nobody would be left able to manage roles.
         *
         *     Permission `role:manage`.
         */
        patch: operations["patchRolesById"];
        trace?: never;
    };
    "/api/v1/roles/{id}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Restore a deleted role
         * @description Permission `role:manage`.
         */
        post: operations["postRolesRestore"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit-log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Browse the audit log, newest first
         * @description Filter by actor, entity (type and id: a record's own history), action and period.
         *
         *     Permission `audit:read`.
         */
        get: operations["getAuditLog"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dictionaries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Drop-down lists (all, or the types asked for), inactive items included and flagged
         * @description Any authenticated caller.
         */
        get: operations["getDictionaries"];
        put?: never;
        /**
         * Add an item to a list
         * @description Permission `dictionary:manage`.
         */
        post: operations["postDictionaries"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dictionaries/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Rename, reorder or retire an item (its code never changes)
         * @description Permission `dictionary:manage`.
         */
        patch: operations["patchDictionariesById"];
        trace?: never;
    };
    "/api/v1/regions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Provinces and their cities (GB/T 2260), with telephone area codes where known
         * @description Any authenticated caller.
         */
        get: operations["getRegions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The company-wide settings (系统设置), with their version as ETag
         * @description Any authenticated caller.
         */
        get: operations["getSettings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change some settings (If-Match: the version read)
         * @description Keys left out keep their value. Audited.
         *
         *     Permission `settings:manage`.
         */
        patch: operations["patchSettings"];
        trace?: never;
    };
    "/api/v1/custom-fields": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The custom fields of customers or contacts, in form order
         * @description Any authenticated caller.
         */
        get: operations["getCustomFields"];
        put?: never;
        /**
         * Add a field to customers or contacts (its key and type never change)
         * @description Permission `dictionary:manage`.
         */
        post: operations["postCustomFields"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/custom-fields/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One custom field
         * @description Any authenticated caller.
         */
        get: operations["getCustomFieldsById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Relabel, reorder, change options or flags, archive (archived: true) or restore a field
         * @description Permission `dictionary:manage`.
         */
        patch: operations["patchCustomFieldsById"];
        trace?: never;
    };
    "/api/v1/customers/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download the filtered list (your scope) as CSV or XLSX
         * @description Permission `customer:export`.
         */
        get: operations["getCustomersExport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customers/imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Upload a CSV or XLSX file: a dry run that reports every bad row and duplicate
         * @description multipart/form-data with `file` and optional `duplicatePolicy` (skip | update | create), `matchKey` (code | creditCode | name | phone) and `mapping` (JSON: file header -> field). Nothing is written to customers until POST /customers/imports/{id}/commit.
         *
         *     Permission `customer:import`.
         */
        post: operations["postCustomersImports"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customers/imports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An import: its report, status and progress
         * @description Permission `customer:import`.
         */
        get: operations["getCustomersImportsById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customers/imports/{id}/errors.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The rejected rows with the reason, as CSV
         * @description Permission `customer:import`.
         */
        get: operations["getCustomersImportsErrorsCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customers/imports/{id}/commit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Write the validated rows, all or nothing, as a background job (poll the import)
         * @description Permission `customer:import`.
         */
        post: operations["postCustomersImportsCommit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customers/imports/{id}/undo": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Undo a whole import: created customers removed, updated ones restored
         * @description Permission `customer:import`.
         */
        post: operations["postCustomersImportsUndo"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Customers within the caller's scope: search, A–Z letter, filters, sort, cursor pages
         * @description Permission `customer:read`.
         */
        get: operations["getCustomers"];
        put?: never;
        /**
         * Create a customer (code {class}类-{seq} generated)
         * @description Likely duplicates (normalised name, credit code, phone, email, homepage domain) answer 409 `duplicate_customer` with `duplicates`; a user with customer:merge may pass allowDuplicate=true.
         *
         *     Permission `customer:create`.
         */
        post: operations["postCustomers"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One customer (404 outside your scope)
         * @description Permission `customer:read`.
         */
        get: operations["getCustomersById"];
        put?: never;
        post?: never;
        /**
         * Move a customer to the recycle bin
         * @description Permission `customer:delete`.
         */
        delete: operations["deleteCustomersById"];
        options?: never;
        head?: never;
        /**
         * Change a customer (partial; the code never changes)
         * @description Honours If-Match: a stale version answers 412 and changes nothing.
         *
         *     Permission `customer:update`.
         */
        patch: operations["patchCustomersById"];
        trace?: never;
    };
    "/api/v1/customers/{id}/timeline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Everything that happened with a customer, newest first
         * @description Permission `customer:read`.
         */
        get: operations["getCustomersTimeline"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customers/{id}/access": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Why can I see this customer? (owner, or the role and data scope that reach it)
         * @description Permission `customer:read`.
         */
        get: operations["getCustomersAccess"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customers/{id}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Restore a customer from the recycle bin
         * @description Permission `customer:delete`.
         */
        post: operations["postCustomersRestore"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customers/bulk-update": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Set owner, status, class or industry on many customers at once (atomic, audited, scoped)
         * @description Permission `customer:update`.
         */
        post: operations["postCustomersBulkUpdate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customers/merge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Merge customers into a survivor, choosing each field's value
         * @description Permission `customer:merge`.
         */
        post: operations["postCustomersMerge"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customers/merges/{id}/undo": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Undo a merge (while the survivor is unchanged since)
         * @description Permission `customer:merge`.
         */
        post: operations["postCustomersMergesUndo"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contacts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Contacts of the customers in the caller's scope; by customer or search
         * @description Permission `contact:read`.
         */
        get: operations["getContacts"];
        put?: never;
        /**
         * Add a contact to a customer (the first becomes primary)
         * @description Permission `contact:create`.
         */
        post: operations["postContacts"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contacts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One contact
         * @description Permission `contact:read`.
         */
        get: operations["getContactsById"];
        put?: never;
        post?: never;
        /**
         * Delete a contact (soft)
         * @description Permission `contact:delete`.
         */
        delete: operations["deleteContactsById"];
        options?: never;
        head?: never;
        /**
         * Change a contact (isPrimary: true makes it the customer's only primary)
         * @description Permission `contact:update`.
         */
        patch: operations["patchContactsById"];
        trace?: never;
    };
    "/api/v1/contacts/{id}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Restore a deleted contact
         * @description Permission `contact:delete`.
         */
        post: operations["postContactsRestore"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/saved-views": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller's saved views of a list
         * @description Any authenticated caller.
         */
        get: operations["getSavedViews"];
        put?: never;
        /**
         * Save a view
         * @description Any authenticated caller.
         */
        post: operations["postSavedViews"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/saved-views/{id}": {
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
         * Delete one of your views
         * @description Honours If-Match (412 on a stale version).
         *
         *     Any authenticated caller.
         */
        delete: operations["deleteSavedViewsById"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contact-records": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * contact record (联系记录): those the caller reaches (own scope, their customers' scope, or shared)
         * @description Permission `activity:read`.
         */
        get: operations["getContactRecords"];
        put?: never;
        /**
         * Record a contact record (联系记录)
         * @description Permission `activity:create`.
         */
        post: operations["postContactRecords"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contact-records/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One contact record (联系记录)
         * @description Permission `activity:read`.
         */
        get: operations["getContactRecordsById"];
        put?: never;
        post?: never;
        /**
         * Move a contact record (联系记录) to the recycle bin
         * @description Permission `activity:delete`.
         */
        delete: operations["deleteContactRecordsById"];
        options?: never;
        head?: never;
        /**
         * Change a contact record (联系记录) (If-Match: its version); shared colleagues cannot
         * @description Permission `activity:update`.
         */
        patch: operations["patchContactRecordsById"];
        trace?: never;
    };
    "/api/v1/contact-records/{id}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Restore a contact record (联系记录)
         * @description Permission `activity:delete`.
         */
        post: operations["postContactRecordsRestore"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/care-records": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * care record (关怀记录): those the caller reaches (own scope, their customers' scope, or shared)
         * @description Permission `activity:read`.
         */
        get: operations["getCareRecords"];
        put?: never;
        /**
         * Record a care record (关怀记录)
         * @description Permission `activity:create`.
         */
        post: operations["postCareRecords"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/care-records/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One care record (关怀记录)
         * @description Permission `activity:read`.
         */
        get: operations["getCareRecordsById"];
        put?: never;
        post?: never;
        /**
         * Move a care record (关怀记录) to the recycle bin
         * @description Permission `activity:delete`.
         */
        delete: operations["deleteCareRecordsById"];
        options?: never;
        head?: never;
        /**
         * Change a care record (关怀记录) (If-Match: its version); shared colleagues cannot
         * @description Permission `activity:update`.
         */
        patch: operations["patchCareRecordsById"];
        trace?: never;
    };
    "/api/v1/care-records/{id}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Restore a care record (关怀记录)
         * @description Permission `activity:delete`.
         */
        post: operations["postCareRecordsRestore"];
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
         * task (工作计划): those the caller reaches (own scope, their customers' scope, or shared)
         * @description Permission `activity:read`.
         */
        get: operations["getTasks"];
        put?: never;
        /**
         * Record a task (工作计划)
         * @description Permission `activity:create`.
         */
        post: operations["postTasks"];
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
         * One task (工作计划)
         * @description Permission `activity:read`.
         */
        get: operations["getTasksById"];
        put?: never;
        post?: never;
        /**
         * Move a task (工作计划) to the recycle bin
         * @description Permission `activity:delete`.
         */
        delete: operations["deleteTasksById"];
        options?: never;
        head?: never;
        /**
         * Change a task (工作计划) (If-Match: its version); shared colleagues cannot
         * @description Permission `activity:update`.
         */
        patch: operations["patchTasksById"];
        trace?: never;
    };
    "/api/v1/tasks/{id}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Restore a task (工作计划)
         * @description Permission `activity:delete`.
         */
        post: operations["postTasksRestore"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * event (工作日程): those the caller reaches (own scope, their customers' scope, or shared)
         * @description Permission `activity:read`.
         */
        get: operations["getEvents"];
        put?: never;
        /**
         * Record a event (工作日程)
         * @description Permission `activity:create`.
         */
        post: operations["postEvents"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/events/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One event (工作日程)
         * @description Permission `activity:read`.
         */
        get: operations["getEventsById"];
        put?: never;
        post?: never;
        /**
         * Move a event (工作日程) to the recycle bin
         * @description Permission `activity:delete`.
         */
        delete: operations["deleteEventsById"];
        options?: never;
        head?: never;
        /**
         * Change a event (工作日程) (If-Match: its version); shared colleagues cannot
         * @description Permission `activity:update`.
         */
        patch: operations["patchEventsById"];
        trace?: never;
    };
    "/api/v1/events/{id}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Restore a event (工作日程)
         * @description Permission `activity:delete`.
         */
        post: operations["postEventsRestore"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workbench/follow-ups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Customers due for follow-up: next follow-up date reached, or no contact for `days` days
         * @description Permission `activity:read`.
         */
        get: operations["getWorkbenchFollowUps"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workbench/care-suggestions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Contacts' birthdays coming up, for the caller's own customers
         * @description Permission `activity:read`.
         */
        get: operations["getWorkbenchCareSuggestions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workbench/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller's month so far against the same days of last month
         * @description Any authenticated caller.
         */
        get: operations["getWorkbenchStats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller's notifications, newest first, with the unread count
         * @description Any authenticated caller.
         */
        get: operations["getNotifications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/unread-count": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * How many are unread (cheap: for the badge to poll)
         * @description Any authenticated caller.
         */
        get: operations["getNotificationsUnreadCount"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/{id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mark one read
         * @description Any authenticated caller.
         */
        post: operations["postNotificationsRead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/read-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mark all read
         * @description Any authenticated caller.
         */
        post: operations["postNotificationsReadAll"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/product-categories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Product categories (A–Z)
         * @description Permission `product:read`.
         */
        get: operations["getProductCategories"];
        put?: never;
        /**
         * Add a category; its letter never changes
         * @description Permission `product:create`.
         */
        post: operations["postProductCategories"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/product-categories/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Rename or retire a category
         * @description Permission `product:update`.
         */
        patch: operations["patchProductCategoriesById"];
        trace?: never;
    };
    "/api/v1/products": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The catalogue with current stock, by code
         * @description Permission `product:read`.
         */
        get: operations["getProducts"];
        put?: never;
        /**
         * Add a product; the code is generated from its category
         * @description Permission `product:create`.
         */
        post: operations["postProducts"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/products/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One product
         * @description Permission `product:read`.
         */
        get: operations["getProductsById"];
        put?: never;
        post?: never;
        /**
         * Move a product to the recycle bin
         * @description Permission `product:delete`.
         */
        delete: operations["deleteProductsById"];
        options?: never;
        head?: never;
        /**
         * Change a product (If-Match: its version)
         * @description Permission `product:update`.
         */
        patch: operations["patchProductsById"];
        trace?: never;
    };
    "/api/v1/products/{id}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Restore a product
         * @description Permission `product:delete`.
         */
        post: operations["postProductsRestore"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inventory": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 库存信息: current stock per product (the ledger's sum), low-stock warnings
         * @description Permission `inventory:read`.
         */
        get: operations["getInventory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stock-movements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The stock ledger, newest first
         * @description Permission `inventory:read`.
         */
        get: operations["getStockMovements"];
        put?: never;
        /**
         * Post a movement: receipts add, issues take out (never below zero: 409 insufficient_stock)
         * @description Permission `inventory:adjust`.
         */
        post: operations["postStockMovements"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 合同订单 within the caller's scope, newest first
         * @description Permission `order:read`.
         */
        get: operations["getOrders"];
        put?: never;
        /**
         * A draft order; the server prices every line and the total exactly
         * @description Permission `order:create`.
         */
        post: operations["postOrders"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One order with its lines
         * @description Permission `order:read`.
         */
        get: operations["getOrdersById"];
        put?: never;
        post?: never;
        /**
         * Move a draft or cancelled order to the recycle bin
         * @description Permission `order:delete`.
         */
        delete: operations["deleteOrdersById"];
        options?: never;
        head?: never;
        /**
         * Change a draft (If-Match)
         * @description Permission `order:update`.
         */
        patch: operations["patchOrdersById"];
        trace?: never;
    };
    "/api/v1/orders/{id}/transitions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * sign (draft → signed), complete (delivered → completed) or cancel (draft or signed)
         * @description Permission `order:update`.
         */
        post: operations["postOrdersTransitions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Deliver some or all lines: stock is issued and transaction records written, or nothing (409)
         * @description Permission `order:update`.
         */
        post: operations["postOrdersDeliveries"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Restore an order
         * @description Permission `order:delete`.
         */
        post: operations["postOrdersRestore"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/transactions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 交易记录 within the caller's scope
         * @description Permission `order:read`.
         */
        get: operations["getTransactions"];
        put?: never;
        /**
         * Record a sale (input screen 3): stock leaves (409 when short), the amount is computed
         * @description Permission `order:create`.
         */
        post: operations["postTransactions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/transactions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One transaction
         * @description Permission `order:read`.
         */
        get: operations["getTransactionsById"];
        put?: never;
        post?: never;
        /**
         * Delete a sale (its goods return to stock)
         * @description Permission `order:delete`.
         */
        delete: operations["deleteTransactionsById"];
        options?: never;
        head?: never;
        /**
         * Correct a sale; a quantity change moves stock accordingly
         * @description Permission `order:update`.
         */
        patch: operations["patchTransactionsById"];
        trace?: never;
    };
    "/api/v1/transactions/{id}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Restore a sale (stock leaves again)
         * @description Permission `order:delete`.
         */
        post: operations["postTransactionsRestore"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/material-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 材料单, newest first
         * @description Permission `product:read`.
         */
        get: operations["getMaterialRequests"];
        put?: never;
        /**
         * Ask production for material (supply & sales)
         * @description Permission `order:create`.
         */
        post: operations["postMaterialRequests"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/material-requests/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One material request
         * @description Permission `product:read`.
         */
        get: operations["getMaterialRequestsById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/material-requests/{id}/transitions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Production answers: accept, reject, or done
         * @description Permission `product:update`.
         */
        post: operations["postMaterialRequestsTransitions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/purchase-orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 采购订单, newest first
         * @description Permission `inventory:read`.
         */
        get: operations["getPurchaseOrders"];
        put?: never;
        /**
         * Order goods from a supplier; amounts and total are computed exactly
         * @description Permission `inventory:adjust`.
         */
        post: operations["postPurchaseOrders"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/purchase-orders/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One purchase order
         * @description Permission `inventory:read`.
         */
        get: operations["getPurchaseOrdersById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/purchase-orders/{id}/receipts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Receive some or all lines: the goods enter stock through the ledger
         * @description Permission `inventory:adjust`.
         */
        post: operations["postPurchaseOrdersReceipts"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/purchase-orders/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel an order nothing was received of
         * @description Permission `inventory:adjust`.
         */
        post: operations["postPurchaseOrdersCancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/receivables": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 应收款, by due date
         * @description Any of the permissions `finance:read`, `order:read`.
         */
        get: operations["getReceivables"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Payments received, newest first (reversals are negative entries)
         * @description Any of the permissions `finance:read`, `order:read`.
         */
        get: operations["getPayments"];
        put?: never;
        /**
         * Record money received against open receivables (never more than is open)
         * @description Permission `finance:create`.
         */
        post: operations["postPayments"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One payment with its allocations
         * @description Any of the permissions `finance:read`, `order:read`.
         */
        get: operations["getPaymentsById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payments/{id}/reverse": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reverse a payment with a new negative entry (the original is never edited)
         * @description Permission `finance:update`.
         */
        post: operations["postPaymentsReverse"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payables": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 应付款 (from purchase orders), by due date; filter by supplier for its bill
         * @description Permission `finance:read`.
         */
        get: operations["getPayables"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payables/{id}/payments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Pay a supplier against a payable (never more than is open)
         * @description Permission `finance:create`.
         */
        post: operations["postPayablesPayments"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/collections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 欠款催收: customers with open balances, overdue amounts and aging buckets
         * @description Any of the permissions `finance:read`, `order:read`.
         */
        get: operations["getCollections"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/collections/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 催收账单 of a customer (id): open receivables, totals, aging and the actions taken
         * @description Any of the permissions `finance:read`, `order:read`.
         */
        get: operations["getCollectionsById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/collections/{id}/actions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Log a collection action for a customer (id): call, letter, visit or promise to pay
         * @description Permission `finance:create`.
         */
        post: operations["postCollectionsActions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/finance/margins": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Gross margin per product (or for one order): revenue against standard cost
         * @description Permission `finance:read`.
         */
        get: operations["getFinanceMargins"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/finance/reconciliation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Proves the books: paid = allocations ≤ amount, payments = their allocations, aging = balances
         * @description Permission `audit:read`.
         */
        get: operations["getFinanceReconciliation"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/feedback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 服务反馈 the caller reaches, newest first
         * @description Permission `feedback:read`.
         */
        get: operations["getFeedback"];
        put?: never;
        /**
         * Record feedback (input screen 2): customer, contact and product checked to belong together
         * @description Permission `feedback:create`.
         */
        post: operations["postFeedback"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/feedback/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One feedback
         * @description Permission `feedback:read`.
         */
        get: operations["getFeedbackById"];
        put?: never;
        post?: never;
        /**
         * Move to the recycle bin
         * @description Permission `feedback:delete`.
         */
        delete: operations["deleteFeedbackById"];
        options?: never;
        head?: never;
        /**
         * Edit, assign, respond, close (resolution required) or re-open (If-Match)
         * @description Permission `feedback:update`.
         */
        patch: operations["patchFeedbackById"];
        trace?: never;
    };
    "/api/v1/feedback/{id}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Restore
         * @description Permission `feedback:delete`.
         */
        post: operations["postFeedbackRestore"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/return-visits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 回访: scheduled when a feedback closes, by due date
         * @description Permission `feedback:read`.
         */
        get: operations["getReturnVisits"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/return-visits/{id}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record the customer's satisfaction (1–5) and comment
         * @description Permission `feedback:update`.
         */
        post: operations["postReturnVisitsComplete"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/first-transactions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 首次交易 (output design 1): each customer's first sale, new customers per month
         * @description Every figure is within the caller's data scope. `format=csv` exports the main table (`rows`), `format=xlsx` every table.
         *
         *     Permission `report:read`.
         */
        get: operations["getReportsFirstTransactions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/customer-evaluation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 客户综合评价 (output design 2): by region, credit rating, revenue band; value score; potential customers
         * @description Every figure is within the caller's data scope. `format=csv` exports the main table (`rows`), `format=xlsx` every table.
         *
         *     Permission `report:read`.
         */
        get: operations["getReportsCustomerEvaluation"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/visits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 拜访与服务 (output design 3): visits per salesperson and customer; complaints and technical records
         * @description Every figure is within the caller's data scope. `format=csv` exports the main table (`rows`), `format=xlsx` every table.
         *
         *     Permission `report:read`.
         */
        get: operations["getReportsVisits"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/customer-value": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 客户价值: RFM segments and ABC (Pareto) classes with suggested customer classes
         * @description Every figure is within the caller's data scope. `format=csv` exports the main table (`rows`), `format=xlsx` every table.
         *
         *     Permission `report:read`.
         */
        get: operations["getReportsCustomerValue"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/satisfaction": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 服务满意度: feedback by type, product and handler; response and resolution times; rating trend
         * @description Every figure is within the caller's data scope. `format=csv` exports the main table (`rows`), `format=xlsx` every table.
         *
         *     Permission `report:read`.
         */
        get: operations["getReportsSatisfaction"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/sales": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 销售分析: revenue by month, salesperson, product, region; orders by status; receivables aging
         * @description Every figure is within the caller's data scope. `format=csv` exports the main table (`rows`), `format=xlsx` every table.
         *
         *     Permission `report:read`.
         */
        get: operations["getReportsSales"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/dashboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 经理看板: the key figures of every report
         * @description Every figure is within the caller's data scope. `format=csv` exports the main table (`rows`), `format=xlsx` every table.
         *
         *     Permission `report:read`.
         */
        get: operations["getReportsDashboard"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/first-transactions/records": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The records behind a figure of the first-transactions report
         * @description `dimension` names the table or chart of the figure, `value` its row; the same filters as the report. The records are within the caller's data scope, exactly those the figure counts.
         *
         *     Permission `report:read`.
         */
        get: operations["getReportsFirstTransactionsRecords"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/customer-evaluation/records": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The records behind a figure of the customer-evaluation report
         * @description `dimension` names the table or chart of the figure, `value` its row; the same filters as the report. The records are within the caller's data scope, exactly those the figure counts.
         *
         *     Permission `report:read`.
         */
        get: operations["getReportsCustomerEvaluationRecords"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/visits/records": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The records behind a figure of the visits report
         * @description `dimension` names the table or chart of the figure, `value` its row; the same filters as the report. The records are within the caller's data scope, exactly those the figure counts.
         *
         *     Permission `report:read`.
         */
        get: operations["getReportsVisitsRecords"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/customer-value/records": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The records behind a figure of the customer-value report
         * @description `dimension` names the table or chart of the figure, `value` its row; the same filters as the report. The records are within the caller's data scope, exactly those the figure counts.
         *
         *     Permission `report:read`.
         */
        get: operations["getReportsCustomerValueRecords"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/satisfaction/records": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The records behind a figure of the satisfaction report
         * @description `dimension` names the table or chart of the figure, `value` its row; the same filters as the report. The records are within the caller's data scope, exactly those the figure counts.
         *
         *     Permission `report:read`.
         */
        get: operations["getReportsSatisfactionRecords"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/sales/records": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The records behind a figure of the sales report
         * @description `dimension` names the table or chart of the figure, `value` its row; the same filters as the report. The records are within the caller's data scope, exactly those the figure counts.
         *
         *     Permission `report:read`.
         */
        get: operations["getReportsSalesRecords"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/dashboard/records": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The records behind a figure of the dashboard report
         * @description `dimension` names the table or chart of the figure, `value` its row; the same filters as the report. The records are within the caller's data scope, exactly those the figure counts.
         *
         *     Permission `report:read`.
         */
        get: operations["getReportsDashboardRecords"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/customer-value/apply-classes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Give the report's customers their suggested classes (A → 1, B → 2, C → 3) at once
         * @description Administrators only (customer:update and dictionary:manage). Atomic: every customer changes or none; one audit row per customer (the bulk edit's) and one for the whole.
         *
         *     Permission `customer:update`.
         */
        post: operations["postReportsCustomerValueApplyClasses"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The integrations' keys (never their secrets)
         * @description Permission `role:manage`.
         */
        get: operations["getApiKeys"];
        put?: never;
        /**
         * Create a key for a service user, optionally narrowed to some permissions; the secret is shown once
         * @description Permission `role:manage`.
         */
        post: operations["postApiKeys"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/api-keys/{id}": {
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
         * Revoke a key (at once, everywhere)
         * @description Honours If-Match (412 on a stale version). Revoking a revoked key changes nothing.
         *
         *     Permission `role:manage`.
         */
        delete: operations["deleteApiKeysById"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Webhook subscriptions, each with its newest delivery's outcome
         * @description Permission `role:manage`.
         */
        get: operations["getWebhooks"];
        put?: never;
        /**
         * Subscribe a URL to events; deliveries are signed with the secret returned here (once)
         * @description Each delivery is a POST with `X-CRM-Event`, `X-CRM-Delivery` and `X-CRM-Signature: t=<unix>,v1=<hex>` where v1 = HMAC-SHA256(secret, `<t>.<raw body>`). Failures are retried with exponential backoff (10 s, 20 s, 40 s …, 8 attempts).
         *
         *     Permission `role:manage`.
         */
        post: operations["postWebhooks"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One subscription
         * @description Permission `role:manage`.
         */
        get: operations["getWebhooksById"];
        put?: never;
        post?: never;
        /**
         * Delete a subscription (soft; nothing is sent until it is restored)
         * @description Permission `role:manage`.
         */
        delete: operations["deleteWebhooksById"];
        options?: never;
        head?: never;
        /**
         * Change the URL, events or description, or pause/resume (If-Match: the version)
         * @description Permission `role:manage`.
         */
        patch: operations["patchWebhooksById"];
        trace?: never;
    };
    "/api/v1/webhooks/{id}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Restore a deleted subscription
         * @description Permission `role:manage`.
         */
        post: operations["postWebhooksRestore"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/{id}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Replace the signing secret; the new one is in this answer only and applies at once
         * @description Permission `role:manage`.
         */
        post: operations["postWebhooksRotateSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/{id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a `webhook.test` event to this subscription now (even when paused)
         * @description Permission `role:manage`.
         */
        post: operations["postWebhooksTest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The delivery log, newest first, with each body as sent
         * @description Permission `role:manage`.
         */
        get: operations["getWebhooksDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a delivery again now
         * @description Permission `role:manage`.
         */
        post: operations["postWebhooksDeliveriesRedeliver"];
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
        ContactRecordCreateInput: {
            /** Format: uuid */
            customerId: string;
            contactId?: string | null;
            /**
             * Format: date-time
             * @description When it happened (with offset)
             */
            occurredAt: string;
            /** @enum {string} */
            channel: "phone" | "visit" | "meeting" | "email" | "wechat" | "other";
            content: string;
            result?: string | null;
            /** @description 下次跟进日期 (Asia/Shanghai) */
            nextFollowUpOn?: string | null;
            /** @description Also set the customer's status (客户状态 dictionary code) */
            customerStatus?: string;
            /** @description Colleagues who may read this (even outside their scope), read-only */
            sharedWith?: string[];
        };
        ContactRecordUpdateInput: {
            contactId?: string | null;
            /** Format: date-time */
            occurredAt?: string;
            /** @enum {string} */
            channel?: "phone" | "visit" | "meeting" | "email" | "wechat" | "other";
            content?: string;
            result?: string | null;
            nextFollowUpOn?: string | null;
            /** @description Colleagues who may read this (even outside their scope), read-only */
            sharedWith?: string[];
        };
        CareRecordCreateInput: {
            /** Format: uuid */
            customerId: string;
            contactId?: string | null;
            /** Format: date */
            careDate: string;
            /** @enum {string} */
            kind: "holiday" | "birthday" | "gift" | "visit" | "other";
            content: string;
            /** @description Colleagues who may read this (even outside their scope), read-only */
            sharedWith?: string[];
        };
        CareRecordUpdateInput: {
            contactId?: string | null;
            /** Format: date */
            careDate?: string;
            /** @enum {string} */
            kind?: "holiday" | "birthday" | "gift" | "visit" | "other";
            content?: string;
            /** @description Colleagues who may read this (even outside their scope), read-only */
            sharedWith?: string[];
        };
        TaskCreateInput: {
            title: string;
            description?: string | null;
            dueOn?: string | null;
            /**
             * @default normal
             * @enum {string}
             */
            priority: "low" | "normal" | "high" | "urgent";
            /**
             * Format: uuid
             * @description Defaults to the caller; someone else only within the caller's scope
             */
            assigneeId?: string;
            customerId?: string | null;
            /** @description Colleagues who may read this (even outside their scope), read-only */
            sharedWith?: string[];
        };
        TaskUpdateInput: {
            title?: string;
            description?: string | null;
            dueOn?: string | null;
            /** @enum {string} */
            priority?: "low" | "normal" | "high" | "urgent";
            /** @enum {string} */
            status?: "todo" | "doing" | "done";
            /** Format: uuid */
            assigneeId?: string;
            customerId?: string | null;
            /** @description Colleagues who may read this (even outside their scope), read-only */
            sharedWith?: string[];
        };
        EventCreateInput: {
            title: string;
            /** Format: date-time */
            startsAt: string;
            /** Format: date-time */
            endsAt: string;
            /** @default false */
            allDay: boolean;
            location?: string | null;
            notes?: string | null;
            customerId?: string | null;
            contactId?: string | null;
            remindMinutesBefore?: number | null;
            /** @description Colleagues who may read this (even outside their scope), read-only */
            sharedWith?: string[];
        };
        EventUpdateInput: {
            title?: string;
            /** Format: date-time */
            startsAt?: string;
            /** Format: date-time */
            endsAt?: string;
            allDay?: boolean;
            location?: string | null;
            notes?: string | null;
            customerId?: string | null;
            contactId?: string | null;
            remindMinutesBefore?: number | null;
            /** @description Colleagues who may read this (even outside their scope), read-only */
            sharedWith?: string[];
        };
        LoginRequestInput: {
            username: string;
            password: string;
        };
        RefreshRequestInput: {
            refreshToken?: string;
        };
        ChangePasswordRequestInput: {
            currentPassword: string;
            newPassword: string & (unknown & unknown);
        };
        CustomFieldCreateInput: {
            /** @enum {string} */
            entity: "customer" | "contact";
            /** @description Lower-case letters, digits and _; generated (cf_1, cf_2, …) when left out */
            key?: string;
            label: string;
            labelEn?: string | null;
            /** @enum {string} */
            type: "text" | "number" | "date" | "single_choice" | "multi_choice" | "boolean";
            options?: {
                value: string;
                label: string;
            }[];
            /** @default false */
            required: boolean;
            /** @default false */
            unique: boolean;
            helpText?: string | null;
            position?: number;
        };
        CustomFieldUpdateInput: {
            label?: string;
            labelEn?: string | null;
            /** @description The whole list: options may be added, relabelled or reordered; one in use cannot go */
            options?: {
                value: string;
                label: string;
            }[];
            required?: boolean;
            unique?: boolean;
            helpText?: string | null;
            position?: number;
            archived?: boolean;
        };
        /** @description Values of the custom fields by key: text, number (a decimal string), date (YYYY-MM-DD), single choice (an option value), multi choice (option values), yes/no (boolean). null clears a value. */
        CustomValuesInput: {
            [key: string]: string | number | boolean | string[] | null;
        };
        ContactCreateInput: {
            /** Format: uuid */
            customerId: string;
            name: string;
            title?: string | null;
            department?: string | null;
            mobile?: string | null;
            phone?: string | null;
            email?: string | null;
            wechat?: string | null;
            birthday?: string | null;
            notes?: string | null;
            isPrimary?: boolean;
            customFields?: components["schemas"]["CustomValuesInput"];
        };
        ContactUpdateInput: {
            name?: string;
            title?: string | null;
            department?: string | null;
            mobile?: string | null;
            phone?: string | null;
            email?: string | null;
            wechat?: string | null;
            birthday?: string | null;
            notes?: string | null;
            isPrimary?: boolean;
            customFields?: components["schemas"]["CustomValuesInput"];
        };
        /**
         * @example {
         *       "name": "杭州宏达机械有限公司",
         *       "class": "1",
         *       "province": "浙江省",
         *       "city": "杭州市",
         *       "address": "滨江区江南大道 1 号",
         *       "phone": "0571-86861234",
         *       "industry": "manufacturing",
         *       "source": "referral"
         *     }
         */
        CustomerCreateInput: {
            name: string;
            /** @description 客户类别 dictionary code (1, 2, 3, …); the customer code's prefix */
            class: string;
            province: string;
            city: string;
            areaCode?: string | null;
            postcode?: string | null;
            address?: string | null;
            phone?: string | null;
            fax?: string | null;
            email?: string | null;
            homepage?: string | null;
            /** @description 年营业额, exact decimal string */
            annualRevenue?: string | null;
            employeeCount?: number | null;
            industry?: string | null;
            source?: string | null;
            status?: string | null;
            creditRating?: string | null;
            /** @description 统一社会信用代码, checked with its check character; unique */
            creditCode?: string | null;
            /**
             * Format: uuid
             * @description Defaults to the caller; must be within the caller's scope
             */
            ownerId?: string;
            /** @description Custom fields by key (GET /api/v1/custom-fields?entity=customer); on update only the keys given change */
            customFields?: components["schemas"]["CustomValuesInput"];
        };
        /**
         * @example {
         *       "address": "滨江区江南大道 1 号",
         *       "status": "signed"
         *     }
         */
        CustomerUpdateInput: {
            name?: string;
            /** @description 客户类别 dictionary code (1, 2, 3, …); the customer code's prefix */
            class?: string;
            province?: string;
            city?: string;
            areaCode?: string | null;
            postcode?: string | null;
            address?: string | null;
            phone?: string | null;
            fax?: string | null;
            email?: string | null;
            homepage?: string | null;
            /** @description 年营业额, exact decimal string */
            annualRevenue?: string | null;
            employeeCount?: number | null;
            industry?: string | null;
            source?: string | null;
            status?: string | null;
            creditRating?: string | null;
            /** @description 统一社会信用代码, checked with its check character; unique */
            creditCode?: string | null;
            /**
             * Format: uuid
             * @description Defaults to the caller; must be within the caller's scope
             */
            ownerId?: string;
            /** @description Custom fields by key (GET /api/v1/custom-fields?entity=customer); on update only the keys given change */
            customFields?: components["schemas"]["CustomValuesInput"];
        };
        BulkCustomerUpdateInput: {
            ids?: string[];
            filter?: {
                /** @description Name substring, full pinyin, pinyin initials, code, phone, email or a contact's name */
                q?: string;
                letter?: string;
                class?: string;
                status?: string;
                industry?: string;
                source?: string;
                creditRating?: string;
                province?: string;
                city?: string;
                /** Format: uuid */
                ownerId?: string;
                /** Format: date */
                createdFrom?: string;
                /** Format: date */
                createdTo?: string;
            } & {
                [key: string]: unknown;
            };
            set: {
                /** Format: uuid */
                ownerId?: string;
                status?: string | null;
                class?: string;
                industry?: string | null;
                customFields?: components["schemas"]["CustomValuesInput"];
            };
        };
        CustomerMergeInput: {
            /** Format: uuid */
            survivorId: string;
            mergedIds: string[];
            /** @description For each field, the customer whose value the survivor keeps (default: the survivor's) */
            fields?: {
                [key: string]: string;
            };
        };
        DictionaryItemCreateInput: {
            /** @enum {string} */
            type: "customer_class" | "industry" | "source" | "customer_status" | "credit_rating" | "feedback_type";
            code: string;
            label: string;
            labelEn?: string | null;
            sortOrder?: number;
        };
        DictionaryItemUpdateInput: {
            label?: string;
            labelEn?: string | null;
            sortOrder?: number;
            active?: boolean;
        };
        FeedbackCreateInput: {
            subject: string;
            /** Format: date */
            occurredOn: string;
            /** Format: uuid */
            customerId: string;
            /** @description Must belong to the customer */
            contactId?: string | null;
            productId?: string | null;
            /** @description A code of the feedback_type dictionary */
            type: string;
            /**
             * @default normal
             * @enum {string}
             */
            priority: "low" | "normal" | "high" | "urgent";
            description?: string | null;
            /** @description Who handles it (notified) */
            handlerId?: string | null;
            endDate?: string | null;
            technicalNotes?: string | null;
        };
        FeedbackUpdateInput: {
            subject?: string;
            /** Format: date */
            occurredOn?: string;
            /** Format: uuid */
            customerId?: string;
            /** @description Must belong to the customer */
            contactId?: string | null;
            productId?: string | null;
            /** @description A code of the feedback_type dictionary */
            type?: string;
            /** @enum {string} */
            priority?: "low" | "normal" | "high" | "urgent";
            description?: string | null;
            /** @description Who handles it (notified) */
            handlerId?: string | null;
            endDate?: string | null;
            technicalNotes?: string | null;
            /**
             * @description open → in_progress → closed (needs a resolution); closed → open re-opens it to its handler
             * @enum {string}
             */
            status?: "open" | "in_progress" | "closed";
            resolution?: string | null;
        };
        ReturnVisitCompleteInput: {
            rating: number;
            comment?: string | null;
        };
        PaymentCreateInput: {
            /** Format: uuid */
            customerId: string;
            /** Format: date */
            receivedOn: string;
            amount: string;
            /** @enum {string} */
            method: "bank_transfer" | "cash" | "check" | "acceptance_bill" | "other";
            reference?: string | null;
            notes?: string | null;
            /** @description Which receivables it pays; the amounts add up to the payment's */
            allocations: {
                /** Format: uuid */
                receivableId: string;
                amount: string;
            }[];
        };
        PaymentReversalInput: {
            reason: string;
        };
        SupplierPaymentCreateInput: {
            /** Format: date */
            paidOn: string;
            amount: string;
            /** @enum {string} */
            method: "bank_transfer" | "cash" | "check" | "acceptance_bill" | "other";
            reference?: string | null;
        };
        CollectionActionCreateInput: {
            /** @enum {string} */
            kind: "call" | "letter" | "visit" | "promise";
            content: string;
            /** @description For a promise to pay */
            promisedDate?: string | null;
            promisedAmount?: string | null;
            nextActionDate?: string | null;
        };
        ApiKeyCreateInput: {
            name: string;
            /**
             * Format: uuid
             * @description The service user whose roles and data scope bound the key
             */
            userId: string;
            /** @description Narrow the key to these of the service user's permissions; null or absent: all */
            permissions?: string[] | null;
            /** @description After this instant the key answers 401; must be in the future */
            expiresAt?: string | null;
        };
        WebhookCreateInput: {
            /** Format: uri */
            url: string;
            events: ("customer.created" | "customer.updated" | "customer.deleted" | "customer.merged" | "order.signed" | "order.delivered" | "payment.received" | "feedback.created" | "feedback.closed")[];
            description?: string | null;
            active?: boolean;
        };
        WebhookUpdateInput: {
            /** Format: uri */
            url?: string;
            events?: ("customer.created" | "customer.updated" | "customer.deleted" | "customer.merged" | "order.signed" | "order.delivered" | "payment.received" | "feedback.created" | "feedback.closed")[];
            description?: string | null;
            active?: boolean;
        };
        ProductCategoryCreateInput: {
            letter: string;
            name: string;
        };
        ProductCategoryUpdateInput: {
            name?: string;
            active?: boolean;
        };
        ProductCreateInput: {
            /**
             * Format: uuid
             * @description Decides the code's letter; the code never changes afterwards
             */
            categoryId: string;
            name: string;
            specification?: string | null;
            unit: string;
            /** @description 单价, exact decimal string */
            listPrice: string;
            standardCost?: string | null;
            /** @description Warn when stock is at or below */
            lowStockThreshold?: string | null;
            active?: boolean;
            description?: string | null;
        };
        ProductUpdateInput: {
            /**
             * Format: uuid
             * @description Decides the code's letter; the code never changes afterwards
             */
            categoryId?: string;
            name?: string;
            specification?: string | null;
            unit?: string;
            /** @description 单价, exact decimal string */
            listPrice?: string;
            standardCost?: string | null;
            /** @description Warn when stock is at or below */
            lowStockThreshold?: string | null;
            active?: boolean;
            description?: string | null;
        };
        StockMovementCreateInput: {
            /** Format: uuid */
            productId: string;
            /** @enum {string} */
            kind: "production_receipt" | "purchase_receipt" | "sale_issue" | "return" | "adjustment";
            /** @description How much: positive; for an adjustment the sign says in (+) or out (−) */
            quantity: string;
            /** @description Required for adjustments */
            reason?: string | null;
            /** @description 产品单 / order / purchase number */
            reference?: string | null;
            /** @description 生产日期 of a production receipt */
            productionDate?: string | null;
        };
        OrderCreateInput: {
            /** Format: uuid */
            customerId: string;
            /** @description 签订日期 (set when signing if empty) */
            signingDate?: string | null;
            /** @description 交货日期 */
            deliveryDate?: string | null;
            paymentTerms?: string | null;
            notes?: string | null;
            /** @description Payment terms: receivables created at signing (default: 100% due 30 days after signing) */
            instalments?: {
                percent: string;
                dueInDays: number;
            }[];
            lines: {
                /** Format: uuid */
                productId: string;
                unitPrice: string;
                quantity: string;
                /**
                 * @description 折扣 in percent off, 0–100 with up to 2 decimals
                 * @default 0
                 */
                discount: string;
            }[];
        };
        /** @description Drafts only; `lines` replaces every line */
        OrderUpdateInput: {
            /** @description 签订日期 (set when signing if empty) */
            signingDate?: string | null;
            /** @description 交货日期 */
            deliveryDate?: string | null;
            paymentTerms?: string | null;
            notes?: string | null;
            /** @description Payment terms: receivables created at signing (default: 100% due 30 days after signing) */
            instalments?: {
                percent: string;
                dueInDays: number;
            }[];
            lines?: {
                /** Format: uuid */
                productId: string;
                unitPrice: string;
                quantity: string;
                /**
                 * @description 折扣 in percent off, 0–100 with up to 2 decimals
                 * @default 0
                 */
                discount: string;
            }[];
        };
        OrderDeliveryInput: {
            /**
             * Format: date
             * @description Transaction date; today (Asia/Shanghai) by default
             */
            date?: string;
            lines: {
                /** Format: uuid */
                lineId: string;
                quantity: string;
            }[];
        };
        OrderTransitionInput: {
            /** @enum {string} */
            action: "sign" | "complete" | "cancel";
        };
        TransactionCreateInput: {
            /** Format: uuid */
            customerId: string;
            /** Format: uuid */
            productId: string;
            orderNumber?: string | null;
            /** Format: date */
            date: string;
            unitPrice: string;
            quantity: string;
        };
        TransactionUpdateInput: {
            orderNumber?: string | null;
            /** Format: date */
            date?: string;
            unitPrice?: string;
            quantity?: string;
        };
        DepartmentCreateInput: {
            name: string;
            parentId: string | null;
            headUserId?: string | null;
        };
        DepartmentUpdateInput: {
            name?: string;
            parentId?: string | null;
            headUserId?: string | null;
        };
        UserCreateInput: {
            username: string;
            displayName: string;
            email?: string | null;
            phone?: string | null;
            /** Format: uuid */
            departmentId: string;
            managerId?: string | null;
            /** @default [] */
            roleIds: string[];
            gender?: ("male" | "female" | "other") | null;
            salesLevel?: ("A" | "B" | "C") | null;
            salary?: string | null;
            /** @description Initial password; generated and returned once when omitted. Must be changed at first login. */
            password?: string;
        };
        UserUpdateInput: {
            displayName?: string;
            email?: string | null;
            phone?: string | null;
            /** Format: uuid */
            departmentId?: string;
            managerId?: string | null;
            gender?: ("male" | "female" | "other") | null;
            salesLevel?: ("A" | "B" | "C") | null;
            salary?: string | null;
            roleIds?: string[];
        };
        PasswordResetInput: {
            password?: string;
        };
        RoleCreateInput: {
            name: string;
            description?: string | null;
            permissions: string[];
            /** @enum {string} */
            dataScope: "own" | "department" | "department_tree" | "all" | "custom";
            /** @default [] */
            scopeDepartmentIds: string[];
        };
        RoleUpdateInput: {
            name?: string;
            description?: string | null;
            permissions?: string[];
            /** @enum {string} */
            dataScope?: "own" | "department" | "department_tree" | "all" | "custom";
            /** @default [] */
            scopeDepartmentIds: string[];
        };
        NotificationPreferencesUpdateInput: {
            inApp: {
                task_assigned?: boolean;
                shared?: boolean;
                follow_up_due?: boolean;
                feedback_assigned?: boolean;
                receivable_overdue?: boolean;
                event_reminder?: boolean;
            };
        };
        MaterialRequestCreateInput: {
            materialName: string;
            materialCode?: string | null;
            quantity: string;
            unit: string;
            neededBy?: string | null;
            notes?: string | null;
        };
        MaterialRequestTransitionInput: {
            /** @enum {string} */
            action: "accept" | "done" | "reject";
        };
        PurchaseOrderCreateInput: {
            supplier: string;
            supplierContact?: string | null;
            /** Format: date */
            orderDate: string;
            expectedDate?: string | null;
            notes?: string | null;
            lines: {
                /** Format: uuid */
                productId: string;
                unitPrice: string;
                quantity: string;
            }[];
        };
        PurchaseReceiptInput: {
            lines: {
                /** Format: uuid */
                lineId: string;
                quantity: string;
            }[];
        };
        ApplySuggestedClassesInput: {
            /** @default {} */
            filters: {
                /** Format: date */
                from?: string;
                /** Format: date */
                to?: string;
                /**
                 * Format: uuid
                 * @description The owner's department and those below it
                 */
                departmentId?: string;
                /** Format: uuid */
                ownerId?: string;
                province?: string;
                class?: string;
            };
            /** @description Only these (each must be in the report); all of its suggestions without */
            customerIds?: string[];
        };
        SavedViewCreateInput: {
            /** @enum {string} */
            resource: "customers" | "contacts";
            name: string;
            query: {
                [key: string]: string | string[];
            };
            columns?: string[] | null;
        };
        SystemSettingsUpdateInput: {
            /** @description A customer with no contact for this many days is due for follow-up (workbench list and the daily reminder) */
            followUpDays?: number;
        };
        ContactRecord: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            customerId: string;
            customerName: string;
            contactId: string | null;
            contactName: string | null;
            occurredAt: string;
            /** @enum {string} */
            channel: "phone" | "visit" | "meeting" | "email" | "wechat" | "other";
            content: string;
            result: string | null;
            nextFollowUpOn: string | null;
            /** Format: uuid */
            ownerId: string;
            ownerName: string | null;
            sharedWith: {
                /** Format: uuid */
                id: string;
                name: string;
            }[];
            /** @description true when the caller sees it only because it was shared */
            readOnly: boolean;
            createdAt: string;
            updatedAt: string;
            version: number;
        };
        CareRecord: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            customerId: string;
            customerName: string;
            contactId: string | null;
            contactName: string | null;
            careDate: string;
            /** @enum {string} */
            kind: "holiday" | "birthday" | "gift" | "visit" | "other";
            content: string;
            /** Format: uuid */
            ownerId: string;
            ownerName: string | null;
            sharedWith: {
                /** Format: uuid */
                id: string;
                name: string;
            }[];
            /** @description true when the caller sees it only because it was shared */
            readOnly: boolean;
            createdAt: string;
            updatedAt: string;
            version: number;
        };
        /** @description ownerId is the assignee */
        Task: {
            /** Format: uuid */
            id: string;
            title: string;
            description: string | null;
            dueOn: string | null;
            /** @enum {string} */
            priority: "low" | "normal" | "high" | "urgent";
            /** @enum {string} */
            status: "todo" | "doing" | "done";
            /** @description Not done and due before today (Asia/Shanghai) */
            overdue: boolean;
            completedAt: string | null;
            customerId: string | null;
            customerName: string | null;
            createdById: string | null;
            createdByName: string | null;
            /** Format: uuid */
            ownerId: string;
            ownerName: string | null;
            sharedWith: {
                /** Format: uuid */
                id: string;
                name: string;
            }[];
            /** @description true when the caller sees it only because it was shared */
            readOnly: boolean;
            createdAt: string;
            updatedAt: string;
            version: number;
        };
        CalendarEvent: {
            /** Format: uuid */
            id: string;
            title: string;
            startsAt: string;
            endsAt: string;
            allDay: boolean;
            location: string | null;
            notes: string | null;
            customerId: string | null;
            customerName: string | null;
            contactId: string | null;
            remindMinutesBefore: number | null;
            /** Format: uuid */
            ownerId: string;
            ownerName: string | null;
            sharedWith: {
                /** Format: uuid */
                id: string;
                name: string;
            }[];
            /** @description true when the caller sees it only because it was shared */
            readOnly: boolean;
            createdAt: string;
            updatedAt: string;
            version: number;
        };
        FollowUp: {
            /** Format: uuid */
            customerId: string;
            customerName: string;
            customerCode: string;
            ownerId: string | null;
            ownerName: string | null;
            /** @enum {string} */
            reason: "follow_up_due" | "no_contact";
            /** @description The next follow-up date that is reached */
            dueOn: string | null;
            lastContactAt: string | null;
        };
        CareSuggestion: {
            /** @enum {string} */
            kind: "birthday" | "anniversary";
            /** @description The day it falls on this year */
            on: string;
            /** Format: uuid */
            customerId: string;
            customerName: string;
            contactId: string | null;
            contactName: string | null;
            /** @description Anniversaries: years since signing */
            years: number | null;
        };
        Notification: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "task_assigned" | "shared" | "follow_up_due" | "feedback_assigned" | "receivable_overdue" | "event_reminder";
            title: string;
            link: string | null;
            read: boolean;
            createdAt: string;
        };
        Me: {
            /** Format: uuid */
            id: string;
            username: string;
            displayName: string;
            departmentId: string | null;
            departmentName: string | null;
            mustChangePassword: boolean;
            permissions: string[];
        };
        TokenResponse: {
            accessToken: string;
            /** @constant */
            tokenType: "Bearer";
            /** @description Seconds until the access token expires */
            expiresIn: number;
            /** @description Rotating refresh token; browsers also get it as an httpOnly cookie */
            refreshToken: string;
            user: components["schemas"]["Me"];
        };
        CustomFieldDefinition: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            entity: "customer" | "contact";
            /** @description The field's name in `customFields` of the API; never changes */
            key: string;
            label: string;
            labelEn: string | null;
            /** @enum {string} */
            type: "text" | "number" | "date" | "single_choice" | "multi_choice" | "boolean";
            options: {
                value: string;
                label: string;
            }[];
            required: boolean;
            unique: boolean;
            helpText: string | null;
            position: number;
            /** @description Hidden from forms and lists; values are kept */
            archived: boolean;
            version: number;
            createdAt: string;
            updatedAt: string;
        };
        Contact: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            customerId: string;
            customerName: string;
            name: string;
            title: string | null;
            department: string | null;
            mobile: string | null;
            phone: string | null;
            email: string | null;
            wechat: string | null;
            birthday: string | null;
            notes: string | null;
            isPrimary: boolean;
            customFields: {
                [key: string]: unknown;
            };
            deleted: boolean;
            createdAt: string;
            version: number;
        };
        Customer: {
            /** Format: uuid */
            id: string;
            /** @description {class}类-{seq}, generated, never reused */
            code: string;
            name: string;
            class: string;
            province: string;
            city: string;
            areaCode: string | null;
            postcode: string | null;
            address: string | null;
            phone: string | null;
            fax: string | null;
            email: string | null;
            homepage: string | null;
            annualRevenue: string | null;
            employeeCount: number | null;
            industry: string | null;
            source: string | null;
            status: string | null;
            creditRating: string | null;
            creditCode: string | null;
            ownerId: string | null;
            ownerName: string | null;
            /** @description A–Z (or #) of the name's first character's pinyin */
            letter: string;
            lastContactAt: string | null;
            mergedIntoId: string | null;
            customFields: {
                [key: string]: unknown;
            };
            deleted: boolean;
            createdAt: string;
            updatedAt: string;
            version: number;
        };
        CustomerPage: {
            items: components["schemas"]["Customer"][];
            nextCursor: string | null;
            /** @description Counted on the first page only (null with a cursor) */
            total: number | null;
            /** @description false: `total` is the database's estimate (large results are not counted) */
            totalExact: boolean | null;
        };
        MergeResult: {
            /** Format: uuid */
            mergeId: string;
            survivor: components["schemas"]["Customer"];
            moved: {
                [key: string]: number;
            };
        };
        TimelineEntry: {
            at: string;
            kind: string;
            title: string;
            actorName: string | null;
            changes: {
                [key: string]: {
                    before: unknown;
                    after: unknown;
                };
            } | null;
        };
        DictionaryItem: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            type: "customer_class" | "industry" | "source" | "customer_status" | "credit_rating" | "feedback_type";
            code: string;
            label: string;
            labelEn: string | null;
            sortOrder: number;
            active: boolean;
            version: number;
        };
        /** @description RFC 9457 application/problem+json */
        Problem: {
            type: string;
            title: string;
            status: number;
            detail?: string;
            instance?: string;
            code: string;
            requestId?: string;
            errors?: {
                /** @description Dotted path of the field, e.g. `password` or `items.0.price` */
                field: string;
                code: string;
                message: string;
            }[];
            /** @description With duplicate_customer: the likely duplicates (id null when outside your scope) */
            duplicates?: {
                id: string | null;
                code: string;
                name: string;
                ownerName: string | null;
                matchedOn: string[];
            }[];
            /** @description With precondition_failed: the record's version now (send it as If-Match) */
            currentVersion?: number;
        };
        Feedback: {
            /** Format: uuid */
            id: string;
            number: string;
            subject: string;
            occurredOn: string;
            /** Format: uuid */
            customerId: string;
            customerName: string;
            contactId: string | null;
            contactName: string | null;
            productId: string | null;
            productName: string | null;
            type: string;
            /** @enum {string} */
            priority: "low" | "normal" | "high" | "urgent";
            description: string | null;
            handlerId: string | null;
            handlerName: string | null;
            /** @enum {string} */
            status: "open" | "in_progress" | "closed";
            closed: boolean;
            resolution: string | null;
            technicalNotes: string | null;
            endDate: string | null;
            firstResponseAt: string | null;
            closedAt: string | null;
            /** @description Time to first response */
            responseMinutes: number | null;
            /** @description Time to close */
            resolutionMinutes: number | null;
            /** @description Open longer than its type allows */
            overdue: boolean;
            reopenCount: number;
            createdByName: string | null;
            deleted: boolean;
            createdAt: string;
            updatedAt: string;
            version: number;
        };
        ReturnVisit: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            feedbackId: string;
            feedbackSubject: string;
            /** Format: uuid */
            customerId: string;
            customerName: string;
            dueOn: string;
            assignedToName: string | null;
            /** @enum {string} */
            status: "pending" | "done";
            rating: number | null;
            comment: string | null;
            doneAt: string | null;
        };
        Receivable: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            orderId: string;
            orderNumber: string;
            /** Format: uuid */
            customerId: string;
            customerName: string;
            /** Format: uuid */
            ownerId: string;
            ownerName: string | null;
            instalmentNo: number;
            amount: string;
            paid: string;
            /** @description amount − paid */
            balance: string;
            dueDate: string;
            /** @description Days past due (0 when not due or settled) */
            overdueDays: number;
            /** @enum {string} */
            status: "open" | "paid" | "cancelled";
            createdAt: string;
        };
        Payment: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            customerId: string;
            customerName: string;
            receivedOn: string;
            /** @description Negative for a reversal */
            amount: string;
            /** @enum {string} */
            method: "bank_transfer" | "cash" | "check" | "acceptance_bill" | "other";
            reference: string | null;
            notes: string | null;
            reversesId: string | null;
            reversedById: string | null;
            allocations: {
                /** Format: uuid */
                receivableId: string;
                amount: string;
            }[];
            createdByName: string | null;
            createdAt: string;
        };
        Payable: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            purchaseOrderId: string;
            purchaseOrderNumber: string;
            supplier: string;
            amount: string;
            paid: string;
            balance: string;
            dueDate: string;
            /** @enum {string} */
            status: "open" | "paid" | "cancelled";
            createdAt: string;
        };
        CollectionRow: {
            /** Format: uuid */
            customerId: string;
            customerName: string;
            customerCode: string;
            ownerId: string | null;
            ownerName: string | null;
            open: string;
            overdue: string;
            aging: {
                notDue: string;
                d1to30: string;
                d31to60: string;
                d61to90: string;
                over90: string;
            };
            oldestDueDate: string | null;
            lastActionAt: string | null;
            nextActionDate: string | null;
        };
        CollectionAction: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            customerId: string;
            /** @enum {string} */
            kind: "call" | "letter" | "visit" | "promise";
            content: string;
            promisedDate: string | null;
            promisedAmount: string | null;
            nextActionDate: string | null;
            createdByName: string | null;
            createdAt: string;
        };
        ApiKey: {
            /** Format: uuid */
            id: string;
            name: string;
            /** @description The key's first characters, to recognise it */
            prefix: string;
            /** Format: uuid */
            userId: string;
            userName: string | null;
            /** @description The service user's permissions the key is narrowed to; null: all of them */
            permissions: string[] | null;
            expiresAt: string | null;
            revokedAt: string | null;
            lastUsedAt: string | null;
            createdAt: string;
            version: number;
        };
        ApiKeyCreated: {
            /** Format: uuid */
            id: string;
            name: string;
            /** @description The key's first characters, to recognise it */
            prefix: string;
            /** Format: uuid */
            userId: string;
            userName: string | null;
            /** @description The service user's permissions the key is narrowed to; null: all of them */
            permissions: string[] | null;
            expiresAt: string | null;
            revokedAt: string | null;
            lastUsedAt: string | null;
            createdAt: string;
            version: number;
            /** @description Shown in this answer only */
            secret: string;
        };
        WebhookSubscription: {
            /** Format: uuid */
            id: string;
            url: string;
            events: string[];
            active: boolean;
            description: string | null;
            createdAt: string;
            deleted: boolean;
            version: number;
            /** @description The newest delivery's outcome (null: nothing sent yet) */
            lastDelivery: {
                /** @enum {string} */
                status: "pending" | "succeeded" | "failed";
                statusCode: number | null;
                at: string;
            } | null;
        };
        WebhookWithSecret: {
            /** Format: uuid */
            id: string;
            url: string;
            events: string[];
            active: boolean;
            description: string | null;
            createdAt: string;
            deleted: boolean;
            version: number;
            /** @description The newest delivery's outcome (null: nothing sent yet) */
            lastDelivery: {
                /** @enum {string} */
                status: "pending" | "succeeded" | "failed";
                statusCode: number | null;
                at: string;
            } | null;
            /** @description The signing secret, shown in this answer only */
            secret: string;
        };
        WebhookDelivery: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            eventId: string;
            type: string;
            /** @enum {string} */
            status: "pending" | "succeeded" | "failed";
            attempts: number;
            lastStatusCode: number | null;
            lastError: string | null;
            /** @description When a pending delivery is tried next */
            nextAttemptAt: string | null;
            deliveredAt: string | null;
            createdAt: string;
            /** @description The body POSTed to the URL: id, type, createdAt and data */
            payload: {
                [key: string]: unknown;
            };
        };
        ProductCategory: {
            /** Format: uuid */
            id: string;
            /** @description A–Z: the product code's prefix (A-01) */
            letter: string;
            name: string;
            active: boolean;
            version: number;
        };
        Product: {
            /** Format: uuid */
            id: string;
            /** @description {category letter}-{seq}: A-01, A-100 after A-99; never reused */
            code: string;
            /** Format: uuid */
            categoryId: string;
            categoryName: string;
            name: string;
            specification: string | null;
            unit: string;
            listPrice: string;
            standardCost: string | null;
            lowStockThreshold: string | null;
            active: boolean;
            description: string | null;
            /** @description Current stock: the sum of the product's movements */
            stock: string;
            lowStock: boolean;
            deleted: boolean;
            createdAt: string;
            updatedAt: string;
            version: number;
        };
        StockMovement: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            productId: string;
            productCode: string;
            productName: string;
            /** @enum {string} */
            kind: "production_receipt" | "purchase_receipt" | "sale_issue" | "return" | "adjustment";
            /** @description Signed: + into stock, − out of it */
            quantity: string;
            balanceAfter: string;
            reason: string | null;
            reference: string | null;
            productionDate: string | null;
            createdByName: string | null;
            createdAt: string;
        };
        Order: {
            /** Format: uuid */
            id: string;
            /** @description 合同编号, generated: HT{year}-{seq} */
            number: string;
            /** Format: uuid */
            customerId: string;
            customerName: string;
            customerCode: string;
            /** Format: uuid */
            ownerId: string;
            ownerName: string | null;
            /** @enum {string} */
            status: "draft" | "signed" | "partially_delivered" | "delivered" | "completed" | "cancelled";
            signingDate: string | null;
            deliveryDate: string | null;
            paymentTerms: string | null;
            notes: string | null;
            total: string;
            instalments: {
                percent: string;
                dueInDays: number;
            }[];
            lines: {
                /** Format: uuid */
                id: string;
                lineNo: number;
                /** Format: uuid */
                productId: string;
                productCode: string;
                productName: string;
                unit: string;
                unitPrice: string;
                quantity: string;
                discount: string;
                /** @description unit price × quantity × (1 − discount %), to the fen, by the server */
                amount: string;
                deliveredQuantity: string;
            }[];
            deleted: boolean;
            createdAt: string;
            updatedAt: string;
            version: number;
        };
        OrderSummary: {
            /** Format: uuid */
            id: string;
            /** @description 合同编号, generated: HT{year}-{seq} */
            number: string;
            /** Format: uuid */
            customerId: string;
            customerName: string;
            customerCode: string;
            /** Format: uuid */
            ownerId: string;
            ownerName: string | null;
            /** @enum {string} */
            status: "draft" | "signed" | "partially_delivered" | "delivered" | "completed" | "cancelled";
            signingDate: string | null;
            deliveryDate: string | null;
            paymentTerms: string | null;
            notes: string | null;
            total: string;
            instalments: {
                percent: string;
                dueInDays: number;
            }[];
            deleted: boolean;
            createdAt: string;
            updatedAt: string;
            version: number;
        };
        Transaction: {
            /** Format: uuid */
            id: string;
            date: string;
            /** Format: uuid */
            customerId: string;
            customerName: string;
            /** Format: uuid */
            productId: string;
            productCode: string;
            productName: string;
            orderId: string | null;
            orderNumber: string | null;
            unitPrice: string;
            quantity: string;
            /** @description unit price × quantity, to the fen, by the server */
            amount: string;
            /** Format: uuid */
            ownerId: string;
            ownerName: string | null;
            deleted: boolean;
            createdAt: string;
            version: number;
        };
        Department: {
            /** Format: uuid */
            id: string;
            /** @description Dep-NN, generated */
            code: string;
            name: string;
            parentId: string | null;
            headUserId: string | null;
            headName: string | null;
            disabled: boolean;
            memberCount: number;
            version: number;
        };
        User: {
            /** Format: uuid */
            id: string;
            username: string;
            displayName: string;
            email: string | null;
            phone: string | null;
            departmentId: string | null;
            departmentName: string | null;
            managerId: string | null;
            managerName: string | null;
            disabled: boolean;
            mustChangePassword: boolean;
            gender: ("male" | "female" | "other") | null;
            salesLevel: ("A" | "B" | "C") | null;
            /** @description A级-01: level + sequence, generated */
            salespersonCode: string | null;
            /** @description Only with user:salary_read */
            salary?: string | null;
            roleIds: string[];
            roleNames: string[];
            lastLoginAt: string | null;
            createdAt: string;
            version: number;
        };
        UserCreated: {
            user: components["schemas"]["User"];
            initialPassword: string | null;
        };
        PasswordResetResult: {
            temporaryPassword: string;
        };
        Role: {
            /** Format: uuid */
            id: string;
            name: string;
            description: string | null;
            builtin: boolean;
            permissions: string[];
            /** @enum {string} */
            dataScope: "own" | "department" | "department_tree" | "all" | "custom";
            scopeDepartmentIds: string[];
            userCount: number;
            deleted: boolean;
            version: number;
        };
        AuditEntry: {
            /** Format: uuid */
            id: string;
            at: string;
            actorId: string | null;
            actorName: string | null;
            action: string;
            entityType: string;
            entityId: string | null;
            ip: string | null;
            changes: {
                [key: string]: {
                    before: unknown;
                    after: unknown;
                };
            } | null;
            detail: {
                [key: string]: unknown;
            } | null;
        };
        NotificationPreferences: {
            inApp: {
                task_assigned: boolean;
                shared: boolean;
                follow_up_due: boolean;
                feedback_assigned: boolean;
                receivable_overdue: boolean;
                event_reminder: boolean;
            };
        };
        PersonalFigures: {
            /** @description Customers they own, created in the period */
            newCustomers: number;
            /** @description Contact records (联系记录) in the period */
            contactsMade: number;
            contactsByChannel: {
                phone: number;
                visit: number;
                meeting: number;
                email: number;
                wechat: number;
                other: number;
            };
            /** @description Care records (关怀记录) dated in the period */
            careRecords: number;
            /** @description Their tasks completed in the period */
            tasksDone: number;
            /** @description Their tasks due in the period, before today, still not done */
            tasksOverdue: number;
            /** @description Orders signed in the period (not cancelled) */
            ordersSigned: number;
            /** @description Total of those orders */
            orderAmount: string;
            /** @description Transactions (交易记录) dated in the period */
            transactionAmount: string;
            /** @description Money received in the period against their receivables (reversals subtracted) */
            paymentsCollected: string;
            /** @description What is still open of their receivables due in the period */
            receivablesDue: string;
            /** @description Feedback they handled, closed in the period */
            feedbackHandled: number;
        };
        MyStats: {
            from: string;
            to: string;
            figures: components["schemas"]["PersonalFigures"];
            /** @description The 12 months up to the period's last month, oldest first */
            trend: {
                /** @description Customers they own, created in the period */
                newCustomers: number;
                /** @description Contact records (联系记录) in the period */
                contactsMade: number;
                /** @description Care records (关怀记录) dated in the period */
                careRecords: number;
                /** @description Their tasks completed in the period */
                tasksDone: number;
                /** @description Their tasks due in the period, before today, still not done */
                tasksOverdue: number;
                /** @description Orders signed in the period (not cancelled) */
                ordersSigned: number;
                /** @description Total of those orders */
                orderAmount: string;
                /** @description Transactions (交易记录) dated in the period */
                transactionAmount: string;
                /** @description Money received in the period against their receivables (reversals subtracted) */
                paymentsCollected: string;
                /** @description What is still open of their receivables due in the period */
                receivablesDue: string;
                /** @description Feedback they handled, closed in the period */
                feedbackHandled: number;
                month: string;
            }[];
        };
        MaterialRequest: {
            /** Format: uuid */
            id: string;
            /** @description CL{year}-{seq} */
            number: string;
            materialName: string;
            materialCode: string | null;
            quantity: string;
            unit: string;
            neededBy: string | null;
            notes: string | null;
            /** @enum {string} */
            status: "requested" | "accepted" | "done" | "rejected";
            requestedById: string | null;
            requestedByName: string | null;
            handledByName: string | null;
            createdAt: string;
            updatedAt: string;
            version: number;
        };
        PurchaseOrder: {
            /** Format: uuid */
            id: string;
            /** @description CG{year}-{seq} */
            number: string;
            supplier: string;
            supplierContact: string | null;
            orderDate: string;
            expectedDate: string | null;
            notes: string | null;
            /** @enum {string} */
            status: "ordered" | "partially_received" | "received" | "cancelled";
            total: string;
            lines: {
                /** Format: uuid */
                id: string;
                lineNo: number;
                /** Format: uuid */
                productId: string;
                productCode: string;
                productName: string;
                unitPrice: string;
                quantity: string;
                amount: string;
                receivedQuantity: string;
            }[];
            createdByName: string | null;
            createdAt: string;
            version: number;
        };
        ReportDrillRecords: {
            /** @constant */
            kind: "customers";
            /** @description How many records the figure counts */
            total: number;
            items: {
                /** Format: uuid */
                id: string;
                code: string;
                name: string;
                province: string | null;
                creditRating: string | null;
                class: string | null;
                ownerName: string | null;
                detail?: {
                    [key: string]: string | number | null;
                };
            }[];
            nextCursor: string | null;
        } | {
            /** @constant */
            kind: "transactions";
            /** @description How many records the figure counts */
            total: number;
            items: {
                /** Format: uuid */
                id: string;
                date: string;
                /** Format: uuid */
                customerId: string;
                customerName: string;
                productName: string;
                quantity: string;
                amount: string;
                ownerName: string | null;
                orderId: string | null;
                orderNumber: string | null;
            }[];
            nextCursor: string | null;
        } | {
            /** @constant */
            kind: "orders";
            /** @description How many records the figure counts */
            total: number;
            items: {
                /** Format: uuid */
                id: string;
                number: string;
                /** Format: uuid */
                customerId: string;
                customerName: string;
                status: string;
                signingDate: string | null;
                total: string;
                ownerName: string | null;
            }[];
            nextCursor: string | null;
        } | {
            /** @constant */
            kind: "feedback";
            /** @description How many records the figure counts */
            total: number;
            items: {
                /** Format: uuid */
                id: string;
                number: string;
                subject: string;
                type: string;
                status: string;
                occurredOn: string;
                /** Format: uuid */
                customerId: string;
                customerName: string;
                productName: string | null;
                handlerName: string | null;
                rating: number | null;
            }[];
            nextCursor: string | null;
        } | {
            /** @constant */
            kind: "contactRecords";
            /** @description How many records the figure counts */
            total: number;
            items: {
                /** Format: uuid */
                id: string;
                occurredAt: string;
                channel: string;
                /** Format: uuid */
                customerId: string;
                customerName: string;
                content: string;
                result: string | null;
                ownerName: string | null;
            }[];
            nextCursor: string | null;
        } | {
            /** @constant */
            kind: "balances";
            /** @description How many records the figure counts */
            total: number;
            items: {
                /** Format: uuid */
                customerId: string;
                customerName: string;
                customerCode: string;
                ownerName: string | null;
                open: string;
                overdue: string;
                /** @description The part the figure counts (the aging bucket, or the open balance) */
                amount: string;
            }[];
            nextCursor: string | null;
        };
        SavedView: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            resource: "customers" | "contacts";
            name: string;
            query: {
                [key: string]: string | string[];
            };
            columns: string[] | null;
            createdAt: string;
            version: number;
        };
        VersionedSystemSettings: {
            /** @description A customer with no contact for this many days is due for follow-up (workbench list and the daily reminder) */
            followUpDays: number;
            /** @description Grows by one with each setting changed */
            version: number;
        };
        CustomerImport: {
            /** Format: uuid */
            id: string;
            fileName: string;
            /** @enum {string} */
            status: "validated" | "committing" | "committed" | "failed" | "undone";
            duplicatePolicy: string;
            matchKey: string;
            totalRows: number;
            errorRows: number;
            toCreate: number;
            toUpdate: number;
            toSkip: number;
            processed: number;
            error: string | null;
            createdAt: string;
            committedAt: string | null;
            undoneAt: string | null;
            /** @description The first 1,000 rejected rows (row = line in the file); all of them in errors.csv */
            errors: {
                row: number;
                errors: {
                    field: string;
                    code: string;
                    message: string;
                }[];
            }[];
        };
        Region: {
            code: string;
            name: string;
            cities: {
                code: string;
                name: string;
                areaCode?: string;
            }[];
        };
        Margin: {
            /** Format: uuid */
            productId: string;
            productCode: string;
            productName: string;
            quantity: string;
            revenue: string;
            cost: string;
            /** @description false when a product has no standard cost (counted as 0) */
            costKnown: boolean;
            margin: string;
            marginPercent: string | null;
        };
        Health: {
            /** @constant */
            status: "ok";
        };
        Ready: {
            /** @constant */
            status: "ready";
            /** @enum {string} */
            database: "postgres" | "pglite";
        };
        InventoryItem: {
            /** Format: uuid */
            productId: string;
            code: string;
            name: string;
            categoryName: string;
            unit: string;
            stock: string;
            lowStockThreshold: string | null;
            lowStock: boolean;
        };
        PermissionCatalogue: {
            modules: {
                module: string;
                actions: string[];
            }[];
            dataScopes: string[];
        };
        AccessExplanation: {
            /** @enum {string} */
            reason: "owner" | "all" | "department" | "department_tree" | "custom";
            role?: string;
        };
    };
    responses: {
        /** @description The request is malformed: `errors` names each field (unknown fields included). */
        BadRequest: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description No valid API key or access token. */
        Unauthorized: {
            headers: {
                /** @description `Bearer` */
                "WWW-Authenticate"?: string;
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The caller lacks the permission this operation needs. */
        Forbidden: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description No such record in the caller's data scope. */
        NotFound: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The change contradicts the record's state (deleted, a duplicate, not enough stock, a state it cannot leave), or a request with the same Idempotency-Key is still running. */
        Conflict: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description `If-Match` names a version that is no longer current; nothing was changed. `currentVersion` is the version now. */
        PreconditionFailed: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The `Idempotency-Key` was used before with another body. */
        UnprocessableContent: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Too many requests; retry after `Retry-After` seconds. */
        TooManyRequests: {
            headers: {
                "Retry-After": components["headers"]["Retry-After"];
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
    };
    parameters: {
        /**
         * @description The version you read (its ETag, e.g. `"3"`): the change is refused with 412 if the record changed since. Without it, the change applies to the current version.
         * @example "3"
         */
        IfMatch: string;
        /**
         * @description Makes a retry safe: the same key and body within 48 hours get the first answer again instead of a second write.
         * @example 6f1c2d7e-0c1b-4d8a-9f43-2b6f1f4f9a10
         */
        IdempotencyKey: string;
    };
    requestBodies: never;
    headers: {
        /**
         * @description The record's version, e.g. `"3"`: send it back as `If-Match` when changing the record.
         * @example "3"
         */
        ETag: string;
        /** @description The next page, `</api/v1/…?…&cursor=…>; rel="next"`, with the filters kept; absent on the last page. */
        Link: string;
        /** @description `true` when this is the stored answer to an earlier request with the same Idempotency-Key. */
        "Idempotent-Replayed": "true";
        /** @description Seconds to wait before retrying. */
        "Retry-After": number;
        /** @description The request's id (yours when you sent a well-formed one); quote it when asking for help. */
        "X-Request-Id": string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getHealth: {
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
                    "application/json": components["schemas"]["Health"];
                };
            };
        };
    };
    getReady: {
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
                    "application/json": components["schemas"]["Ready"];
                };
            };
        };
    };
    postAuthLogin: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginRequestInput"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postAuthRefresh: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefreshRequestInput"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postAuthLogout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefreshRequestInput"];
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
            400: components["responses"]["BadRequest"];
            429: components["responses"]["TooManyRequests"];
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
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postMePassword: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe: the same key and body within 48 hours get the first answer again instead of a second write.
                 * @example 6f1c2d7e-0c1b-4d8a-9f43-2b6f1f4f9a10
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangePasswordRequestInput"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getMeNotificationPreferences: {
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
                    "application/json": components["schemas"]["NotificationPreferences"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    putMeNotificationPreferences: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NotificationPreferencesUpdateInput"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationPreferences"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getMeStats: {
        parameters: {
            query: {
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
                    "application/json": components["schemas"]["MyStats"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getDepartments: {
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
                        items: components["schemas"]["Department"][];
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postDepartments: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe: the same key and body within 48 hours get the first answer again instead of a second write.
                 * @example 6f1c2d7e-0c1b-4d8a-9f43-2b6f1f4f9a10
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DepartmentCreateInput"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Department"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getDepartmentsById: {
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
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Department"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    patchDepartmentsById: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The version you read (its ETag, e.g. `"3"`): the change is refused with 412 if the record changed since. Without it, the change applies to the current version.
                 * @example "3"
                 */
                "If-Match"?: components["parameters"]["IfMatch"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DepartmentUpdateInput"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Department"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postDepartmentsDisable: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe: the same key and body within 48 hours get the first answer again instead of a second write.
                 * @example 6f1c2d7e-0c1b-4d8a-9f43-2b6f1f4f9a10
                 */
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
                    ETag: components["headers"]["ETag"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Department"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postDepartmentsEnable: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe: the same key and body within 48 hours get the first answer again instead of a second write.
                 * @example 6f1c2d7e-0c1b-4d8a-9f43-2b6f1f4f9a10
                 */
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
                    ETag: components["headers"]["ETag"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Department"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getUsers: {
        parameters: {
            query?: {
                q?: string;
                departmentId?: string;
                disabled?: "true" | "false";
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
                    Link: components["headers"]["Link"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["User"][];
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postUsers: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe: the same key and body within 48 hours get the first answer again instead of a second write.
                 * @example 6f1c2d7e-0c1b-4d8a-9f43-2b6f1f4f9a10
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UserCreateInput"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserCreated"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getUsersById: {
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
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    patchUsersById: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The version you read (its ETag, e.g. `"3"`): the change is refused with 412 if the record changed since. Without it, the change applies to the current version.
                 * @example "3"
                 */
                "If-Match"?: components["parameters"]["IfMatch"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UserUpdateInput"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postUsersDisable: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe: the same key and body within 48 hours get the first answer again instead of a second write.
                 * @example 6f1c2d7e-0c1b-4d8a-9f43-2b6f1f4f9a10
                 */
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
                    ETag: components["headers"]["ETag"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postUsersEnable: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe: the same key and body within 48 hours get the first answer again instead of a second write.
                 * @example 6f1c2d7e-0c1b-4d8a-9f43-2b6f1f4f9a10
                 */
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
                    ETag: components["headers"]["ETag"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postUsersResetPassword: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe: the same key and body within 48 hours get the first answer again instead of a second write.
                 * @example 6f1c2d7e-0c1b-4d8a-9f43-2b6f1f4f9a10
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PasswordResetInput"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PasswordResetResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getPermissions: {
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
                    "application/json": components["schemas"]["PermissionCatalogue"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getRoles: {
        parameters: {
            query?: {
                includeDeleted?: "true" | "false";
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
                        items: components["schemas"]["Role"][];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postRoles: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe: the same key and body within 48 hours get the first answer again instead of a second write.
                 * @example 6f1c2d7e-0c1b-4d8a-9f43-2b6f1f4f9a10
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RoleCreateInput"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Role"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getRolesById: {
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
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Role"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    deleteRolesById: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The version you read (its ETag, e.g. `"3"`): the change is refused with 412 if the record changed since. Without it, the change applies to the current version.
                 * @example "3"
                 */
                "If-Match"?: components["parameters"]["IfMatch"];
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
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Role"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    patchRolesById: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The version you read (its ETag, e.g. `"3"`): the change is refused with 412 if the record changed since. Without it, the change applies to the current version.
                 * @example "3"
                 */
                "If-Match"?: components["parameters"]["IfMatch"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RoleUpdateInput"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Role"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postRolesRestore: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The version you read (its ETag, e.g. `"3"`): the change is refused with 412 if the record changed since. Without it, the change applies to the current version.
                 * @example "3"
                 */
                "If-Match"?: components["parameters"]["IfMatch"];
                /**
                 * @description Makes a retry safe: the same key and body within 48 hours get the first answer again instead of a second write.
                 * @example 6f1c2d7e-0c1b-4d8a-9f43-2b6f1f4f9a10
                 */
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
                    ETag: components["headers"]["ETag"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Role"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getAuditLog: {
        parameters: {
            query?: {
                actorId?: string;
                entityType?: string;
                entityId?: string;
                action?: string;
                from?: string;
                to?: string;
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
                    Link: components["headers"]["Link"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["AuditEntry"][];
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getDictionaries: {
        parameters: {
            query?: {
                type?: ("customer_class" | "industry" | "source" | "customer_status" | "credit_rating" | "feedback_type") | ("customer_class" | "industry" | "source" | "customer_status" | "credit_rating" | "feedback_type")[];
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
                        items: components["schemas"]["DictionaryItem"][];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postDictionaries: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe: the same key and body within 48 hours get the first answer again instead of a second write.
                 * @example 6f1c2d7e-0c1b-4d8a-9f43-2b6f1f4f9a10
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DictionaryItemCreateInput"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DictionaryItem"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    patchDictionariesById: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The version you read (its ETag, e.g. `"3"`): the change is refused with 412 if the record changed since. Without it, the change applies to the current version.
                 * @example "3"
                 */
                "If-Match"?: components["parameters"]["IfMatch"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DictionaryItemUpdateInput"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DictionaryItem"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getRegions: {
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
                        items: components["schemas"]["Region"][];
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getSettings: {
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
                    "application/json": components["schemas"]["VersionedSystemSettings"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    patchSettings: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The version you read (its ETag, e.g. `"3"`): the change is refused with 412 if the record changed since. Without it, the change applies to the current version.
                 * @example "3"
                 */
                "If-Match"?: components["parameters"]["IfMatch"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SystemSettingsUpdateInput"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VersionedSystemSettings"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getCustomFields: {
        parameters: {
            query: {
                entity: "customer" | "contact";
                /** @description true: archived fields too (flagged) */
                archived?: "true" | "false";
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
                        items: components["schemas"]["CustomFieldDefinition"][];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postCustomFields: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe: the same key and body within 48 hours get the first answer again instead of a second write.
                 * @example 6f1c2d7e-0c1b-4d8a-9f43-2b6f1f4f9a10
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CustomFieldCreateInput"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomFieldDefinition"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getCustomFieldsById: {
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
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomFieldDefinition"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    patchCustomFieldsById: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The version you read (its ETag, e.g. `"3"`): the change is refused with 412 if the record changed since. Without it, the change applies to the current version.
                 * @example "3"
                 */
                "If-Match"?: components["parameters"]["IfMatch"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CustomFieldUpdateInput"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomFieldDefinition"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getCustomersExport: {
        parameters: {
            query?: {
                /** @description Name substring, full pinyin, pinyin initials, code, phone, email or a contact's name */
                q?: string;
                letter?: string;
                class?: string;
                status?: string;
                industry?: string;
                source?: string;
                creditRating?: string;
                province?: string;
                city?: string;
                ownerId?: string;
                createdFrom?: string;
                createdTo?: string;
                /** @description true: the recycle bin */
                deleted?: "true" | "false";
                format?: "csv" | "xlsx";
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
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postCustomersImports: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe: the same key and body within 48 hours get the first answer again instead of a second write.
                 * @example 6f1c2d7e-0c1b-4d8a-9f43-2b6f1f4f9a10
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Created */
            201: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerImport"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getCustomersImportsById: {
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
                    "application/json": components["schemas"]["CustomerImport"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getCustomersImportsErrorsCsv: {
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
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postCustomersImportsCommit: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe: the same key and body within 48 hours get the first answer again instead of a second write.
                 * @example 6f1c2d7e-0c1b-4d8a-9f43-2b6f1f4f9a10
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Accepted: the work continues in the background */
            202: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerImport"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postCustomersImportsUndo: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe: the same key and body within 48 hours get the first answer again instead of a second write.
                 * @example 6f1c2d7e-0c1b-4d8a-9f43-2b6f1f4f9a10
                 */
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
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerImport"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getCustomers: {
        parameters: {
            query?: {
                /** @description Name substring, full pinyin, pinyin initials, code, phone, email or a contact's name */
                q?: string;
                letter?: string;
                class?: string;
                status?: string;
                industry?: string;
                source?: string;
                creditRating?: string;
                province?: string;
                city?: string;
                ownerId?: string;
                createdFrom?: string;
                createdTo?: string;
                /** @description true: the recycle bin */
                deleted?: "true" | "false";
                sort?: "-createdAt" | "createdAt" | "name" | "-name" | "code" | "-updatedAt";
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
                    Link: components["headers"]["Link"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postCustomers: {
        parameters: {
            query?: {
                /** @description Create or save despite likely duplicates (needs customer:merge) */
                allowDuplicate?: "true" | "false";
            };
            header?: {
                /**
                 * @description Makes a retry safe: the same key and body within 48 hours get the first answer again instead of a second write.
                 * @example 6f1c2d7e-0c1b-4d8a-9f43-2b6f1f4f9a10
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CustomerCreateInput"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Customer"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getCustomersById: {
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
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Customer"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    deleteCustomersById: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The version you read (its ETag, e.g. `"3"`): the change is refused with 412 if the record changed since. Without it, the change applies to the current version.
                 * @example "3"
                 */
                "If-Match"?: components["parameters"]["IfMatch"];
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
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Customer"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    patchCustomersById: {
        parameters: {
            query?: {
                /** @description Create or save despite likely duplicates (needs customer:merge) */
                allowDuplicate?: "true" | "false";
            };
            header?: {
                /**
                 * @description The version you read (its ETag, e.g. `"3"`): the change is refused with 412 if the record changed since. Without it, the change applies to the current version.
                 * @example "3"
                 */
                "If-Match"?: components["parameters"]["IfMatch"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CustomerUpdateInput"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Customer"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getCustomersTimeline: {
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
                    "application/json": {
                        items: components["schemas"]["TimelineEntry"][];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getCustomersAccess: {
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
                    "application/json": components["schemas"]["AccessExplanation"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postCustomersRestore: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The version you read (its ETag, e.g. `"3"`): the change is refused with 412 if the record changed since. Without it, the change applies to the current version.
                 * @example "3"
                 */
                "If-Match"?: components["parameters"]["IfMatch"];
                /**
                 * @description Makes a retry safe: the same key and body within 48 hours get the first answer again instead of a second write.
                 * @example 6f1c2d7e-0c1b-4d8a-9f43-2b6f1f4f9a10
                 */
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
                    ETag: components["headers"]["ETag"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Customer"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postCustomersBulkUpdate: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe: the same key and body within 48 hours get the first answer again instead of a second write.
                 * @example 6f1c2d7e-0c1b-4d8a-9f43-2b6f1f4f9a10
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BulkCustomerUpdateInput"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        updated: number;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postCustomersMerge: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe: the same key and body within 48 hours get the first answer again instead of a second write.
                 * @example 6f1c2d7e-0c1b-4d8a-9f43-2b6f1f4f9a10
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CustomerMergeInput"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MergeResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postCustomersMergesUndo: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe: the same key and body within 48 hours get the first answer again instead of a second write.
                 * @example 6f1c2d7e-0c1b-4d8a-9f43-2b6f1f4f9a10
                 */
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
                    ETag: components["headers"]["ETag"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Customer"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getContacts: {
        parameters: {
            query?: {
                customerId?: string;
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
                    Link: components["headers"]["Link"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Contact"][];
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postContacts: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe: the same key and body within 48 hours get the first answer again instead of a second write.
                 * @example 6f1c2d7e-0c1b-4d8a-9f43-2b6f1f4f9a10
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ContactCreateInput"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Contact"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getContactsById: {
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
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Contact"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    deleteContactsById: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The version you read (its ETag, e.g. `"3"`): the change is refused with 412 if the record changed since. Without it, the change applies to the current version.
                 * @example "3"
                 */
                "If-Match"?: components["parameters"]["IfMatch"];
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
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Contact"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    patchContactsById: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The version you read (its ETag, e.g. `"3"`): the change is refused with 412 if the record changed since. Without it, the change applies to the current version.
                 * @example "3"
                 */
                "If-Match"?: components["parameters"]["IfMatch"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ContactUpdateInput"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Contact"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postContactsRestore: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The version you read (its ETag, e.g. `"3"`): the change is refused with 412 if the record changed since. Without it, the change applies to the current version.
                 * @example "3"
                 */
                "If-Match"?: components["parameters"]["IfMatch"];
                /**
                 * @description Makes a retry safe: the same key and body within 48 hours get the first answer again instead of a second write.
                 * @example 6f1c2d7e-0c1b-4d8a-9f43-2b6f1f4f9a10
                 */
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
                    ETag: components["headers"]["ETag"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Contact"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getSavedViews: {
        parameters: {
            query: {
                resource: "customers" | "contacts";
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
                        items: components["schemas"]["SavedView"][];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postSavedViews: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe: the same key and body within 48 hours get the first answer again instead of a second write.
                 * @example 6f1c2d7e-0c1b-4d8a-9f43-2b6f1f4f9a10
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SavedViewCreateInput"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SavedView"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    deleteSavedViewsById: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The version you read (its ETag, e.g. `"3"`): the change is refused with 412 if the record changed since. Without it, the change applies to the current version.
                 * @example "3"
                 */
                "If-Match"?: components["parameters"]["IfMatch"];
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
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getContactRecords: {
        parameters: {
            query?: {
                customerId?: string;
                /** @description Whose (salesperson / assignee), within scope */
                ownerId?: string;
                /** @description On or after this day (Asia/Shanghai) */
                from?: string;
                /** @description On or before this day (Asia/Shanghai) */
                to?: string;
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
                    Link: components["headers"]["Link"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["ContactRecord"][];
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postContactRecords: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe: the same key and body within 48 hours get the first answer again instead of a second write.
                 * @example 6f1c2d7e-0c1b-4d8a-9f43-2b6f1f4f9a10
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ContactRecordCreateInput"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        customerId: string;
                        customerName: string;
                        contactId: string | null;
                        contactName: string | null;
                        occurredAt: string;
                        /** @enum {string} */
                        channel: "phone" | "visit" | "meeting" | "email" | "wechat" | "other";
                        content: string;
                        result: string | null;
                        nextFollowUpOn: string | null;
                        /** Format: uuid */
                        ownerId: string;
                        ownerName: string | null;
                        sharedWith: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                        }[];
                        /** @description true when the caller sees it only because it was shared */
                        readOnly: boolean;
                        createdAt: string;
                        updatedAt: string;
                        version: number;
                        deleted: boolean;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getContactRecordsById: {
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
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        customerId: string;
                        customerName: string;
                        contactId: string | null;
                        contactName: string | null;
                        occurredAt: string;
                        /** @enum {string} */
                        channel: "phone" | "visit" | "meeting" | "email" | "wechat" | "other";
                        content: string;
                        result: string | null;
                        nextFollowUpOn: string | null;
                        /** Format: uuid */
                        ownerId: string;
                        ownerName: string | null;
                        sharedWith: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                        }[];
                        /** @description true when the caller sees it only because it was shared */
                        readOnly: boolean;
                        createdAt: string;
                        updatedAt: string;
                        version: number;
                        deleted: boolean;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    deleteContactRecordsById: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The version you read (its ETag, e.g. `"3"`): the change is refused with 412 if the record changed since. Without it, the change applies to the current version.
                 * @example "3"
                 */
                "If-Match"?: components["parameters"]["IfMatch"];
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
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        customerId: string;
                        customerName: string;
                        contactId: string | null;
                        contactName: string | null;
                        occurredAt: string;
                        /** @enum {string} */
                        channel: "phone" | "visit" | "meeting" | "email" | "wechat" | "other";
                        content: string;
                        result: string | null;
                        nextFollowUpOn: string | null;
                        /** Format: uuid */
                        ownerId: string;
                        ownerName: string | null;
                        sharedWith: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                        }[];
                        /** @description true when the caller sees it only because it was shared */
                        readOnly: boolean;
                        createdAt: string;
                        updatedAt: string;
                        version: number;
                        deleted: boolean;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    patchContactRecordsById: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The version you read (its ETag, e.g. `"3"`): the change is refused with 412 if the record changed since. Without it, the change applies to the current version.
                 * @example "3"
                 */
                "If-Match"?: components["parameters"]["IfMatch"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ContactRecordUpdateInput"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        customerId: string;
                        customerName: string;
                        contactId: string | null;
                        contactName: string | null;
                        occurredAt: string;
                        /** @enum {string} */
                        channel: "phone" | "visit" | "meeting" | "email" | "wechat" | "other";
                        content: string;
                        result: string | null;
                        nextFollowUpOn: string | null;
                        /** Format: uuid */
                        ownerId: string;
                        ownerName: string | null;
                        sharedWith: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                        }[];
                        /** @description true when the caller sees it only because it was shared */
                        readOnly: boolean;
                        createdAt: string;
                        updatedAt: string;
                        version: number;
                        deleted: boolean;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postContactRecordsRestore: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The version you read (its ETag, e.g. `"3"`): the change is refused with 412 if the record changed since. Without it, the change applies to the current version.
                 * @example "3"
                 */
                "If-Match"?: components["parameters"]["IfMatch"];
                /**
                 * @description Makes a retry safe: the same key and body within 48 hours get the first answer again instead of a second write.
                 * @example 6f1c2d7e-0c1b-4d8a-9f43-2b6f1f4f9a10
                 */
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
                    ETag: components["headers"]["ETag"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        customerId: string;
                        customerName: string;
                        contactId: string | null;
                        contactName: string | null;
                        occurredAt: string;
                        /** @enum {string} */
                        channel: "phone" | "visit" | "meeting" | "email" | "wechat" | "other";
                        content: string;
                        result: string | null;
                        nextFollowUpOn: string | null;
                        /** Format: uuid */
                        ownerId: string;
                        ownerName: string | null;
                        sharedWith: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                        }[];
                        /** @description true when the caller sees it only because it was shared */
                        readOnly: boolean;
                        createdAt: string;
                        updatedAt: string;
                        version: number;
                        deleted: boolean;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getCareRecords: {
        parameters: {
            query?: {
                customerId?: string;
                /** @description Whose (salesperson / assignee), within scope */
                ownerId?: string;
                /** @description On or after this day (Asia/Shanghai) */
                from?: string;
                /** @description On or before this day (Asia/Shanghai) */
                to?: string;
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
                    Link: components["headers"]["Link"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["CareRecord"][];
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postCareRecords: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe: the same key and body within 48 hours get the first answer again instead of a second write.
                 * @example 6f1c2d7e-0c1b-4d8a-9f43-2b6f1f4f9a10
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CareRecordCreateInput"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        customerId: string;
                        customerName: string;
                        contactId: string | null;
                        contactName: string | null;
                        careDate: string;
                        /** @enum {string} */
                        kind: "holiday" | "birthday" | "gift" | "visit" | "other";
                        content: string;
                        /** Format: uuid */
                        ownerId: string;
                        ownerName: string | null;
                        sharedWith: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                        }[];
                        /** @description true when the caller sees it only because it was shared */
                        readOnly: boolean;
                        createdAt: string;
                        updatedAt: string;
                        version: number;
                        deleted: boolean;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getCareRecordsById: {
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
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        customerId: string;
                        customerName: string;
                        contactId: string | null;
                        contactName: string | null;
                        careDate: string;
                        /** @enum {string} */
                        kind: "holiday" | "birthday" | "gift" | "visit" | "other";
                        content: string;
                        /** Format: uuid */
                        ownerId: string;
                        ownerName: string | null;
                        sharedWith: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                        }[];
                        /** @description true when the caller sees it only because it was shared */
                        readOnly: boolean;
                        createdAt: string;
                        updatedAt: string;
                        version: number;
                        deleted: boolean;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    deleteCareRecordsById: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The version you read (its ETag, e.g. `"3"`): the change is refused with 412 if the record changed since. Without it, the change applies to the current version.
                 * @example "3"
                 */
                "If-Match"?: components["parameters"]["IfMatch"];
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
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        customerId: string;
                        customerName: string;
                        contactId: string | null;
                        contactName: string | null;
                        careDate: string;
                        /** @enum {string} */
                        kind: "holiday" | "birthday" | "gift" | "visit" | "other";
                        content: string;
                        /** Format: uuid */
                        ownerId: string;
                        ownerName: string | null;
                        sharedWith: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                        }[];
                        /** @description true when the caller sees it only because it was shared */
                        readOnly: boolean;
                        createdAt: string;
                        updatedAt: string;
                        version: number;
                        deleted: boolean;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    patchCareRecordsById: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The version you read (its ETag, e.g. `"3"`): the change is refused with 412 if the record changed since. Without it, the change applies to the current version.
                 * @example "3"
                 */
                "If-Match"?: components["parameters"]["IfMatch"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CareRecordUpdateInput"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        customerId: string;
                        customerName: string;
                        contactId: string | null;
                        contactName: string | null;
                        careDate: string;
                        /** @enum {string} */
                        kind: "holiday" | "birthday" | "gift" | "visit" | "other";
                        content: string;
                        /** Format: uuid */
                        ownerId: string;
                        ownerName: string | null;
                        sharedWith: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                        }[];
                        /** @description true when the caller sees it only because it was shared */
                        readOnly: boolean;
                        createdAt: string;
                        updatedAt: string;
                        version: number;
                        deleted: boolean;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postCareRecordsRestore: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The version you read (its ETag, e.g. `"3"`): the change is refused with 412 if the record changed since. Without it, the change applies to the current version.
                 * @example "3"
                 */
                "If-Match"?: components["parameters"]["IfMatch"];
                /**
                 * @description Makes a retry safe: the same key and body within 48 hours get the first answer again instead of a second write.
                 * @example 6f1c2d7e-0c1b-4d8a-9f43-2b6f1f4f9a10
                 */
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
                    ETag: components["headers"]["ETag"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        customerId: string;
                        customerName: string;
                        contactId: string | null;
                        contactName: string | null;
                        careDate: string;
                        /** @enum {string} */
                        kind: "holiday" | "birthday" | "gift" | "visit" | "other";
                        content: string;
                        /** Format: uuid */
                        ownerId: string;
                        ownerName: string | null;
                        sharedWith: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                        }[];
                        /** @description true when the caller sees it only because it was shared */
                        readOnly: boolean;
                        createdAt: string;
                        updatedAt: string;
                        version: number;
                        deleted: boolean;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getTasks: {
        parameters: {
            query?: {
                customerId?: string;
                /** @description Whose (salesperson / assignee), within scope */
                ownerId?: string;
                /** @description On or after this day (Asia/Shanghai) */
                from?: string;
                /** @description On or before this day (Asia/Shanghai) */
                to?: string;
                q?: string;
                limit?: number;
                cursor?: string;
                /** @description open: todo or doing */
                status?: "todo" | "doing" | "done" | "open";
                overdue?: "true" | "false";
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
                    Link: components["headers"]["Link"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Task"][];
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postTasks: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe: the same key and body within 48 hours get the first answer again instead of a second write.
                 * @example 6f1c2d7e-0c1b-4d8a-9f43-2b6f1f4f9a10
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TaskCreateInput"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        title: string;
                        description: string | null;
                        dueOn: string | null;
                        /** @enum {string} */
                        priority: "low" | "normal" | "high" | "urgent";
                        /** @enum {string} */
                        status: "todo" | "doing" | "done";
                        /** @description Not done and due before today (Asia/Shanghai) */
                        overdue: boolean;
                        completedAt: string | null;
                        customerId: string | null;
                        customerName: string | null;
                        createdById: string | null;
                        createdByName: string | null;
                        /** Format: uuid */
                        ownerId: string;
                        ownerName: string | null;
                        sharedWith: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                        }[];
                        /** @description true when the caller sees it only because it was shared */
                        readOnly: boolean;
                        createdAt: string;
                        updatedAt: string;
                        version: number;
                        deleted: boolean;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getTasksById: {
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
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        title: string;
                        description: string | null;
                        dueOn: string | null;
                        /** @enum {string} */
                        priority: "low" | "normal" | "high" | "urgent";
                        /** @enum {string} */
                        status: "todo" | "doing" | "done";
                        /** @description Not done and due before today (Asia/Shanghai) */
                        overdue: boolean;
                        completedAt: string | null;
                        customerId: string | null;
                        customerName: string | null;
                        createdById: string | null;
                        createdByName: string | null;
                        /** Format: uuid */
                        ownerId: string;
                        ownerName: string | null;
                        sharedWith: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                        }[];
                        /** @description true when the caller sees it only because it was shared */
                        readOnly: boolean;
                        createdAt: string;
                        updatedAt: string;
                        version: number;
                        deleted: boolean;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    deleteTasksById: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The version you read (its ETag, e.g. `"3"`): the change is refused with 412 if the record changed since. Without it, the change applies to the current version.
                 * @example "3"
                 */
                "If-Match"?: components["parameters"]["IfMatch"];
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
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        title: string;
                        description: string | null;
                        dueOn: string | null;
                        /** @enum {string} */
                        priority: "low" | "normal" | "high" | "urgent";
                        /** @enum {string} */
                        status: "todo" | "doing" | "done";
                        /** @description Not done and due before today (Asia/Shanghai) */
                        overdue: boolean;
                        completedAt: string | null;
                        customerId: string | null;
                        customerName: string | null;
                        createdById: string | null;
                        createdByName: string | null;
                        /** Format: uuid */
                        ownerId: string;
                        ownerName: string | null;
                        sharedWith: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                        }[];
                        /** @description true when the caller sees it only because it was shared */
                        readOnly: boolean;
                        createdAt: string;
                        updatedAt: string;
                        version: number;
                        deleted: boolean;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    patchTasksById: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The version you read (its ETag, e.g. `"3"`): the change is refused with 412 if the record changed since. Without it, the change applies to the current version.
                 * @example "3"
                 */
                "If-Match"?: components["parameters"]["IfMatch"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TaskUpdateInput"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        title: string;
                        description: string | null;
                        dueOn: string | null;
                        /** @enum {string} */
                        priority: "low" | "normal" | "high" | "urgent";
                        /** @enum {string} */
                        status: "todo" | "doing" | "done";
                        /** @description Not done and due before today (Asia/Shanghai) */
                        overdue: boolean;
                        completedAt: string | null;
                        customerId: string | null;
                        customerName: string | null;
                        createdById: string | null;
                        createdByName: string | null;
                        /** Format: uuid */
                        ownerId: string;
                        ownerName: string | null;
                        sharedWith: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                        }[];
                        /** @description true when the caller sees it only because it was shared */
                        readOnly: boolean;
                        createdAt: string;
                        updatedAt: string;
                        version: number;
                        deleted: boolean;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postTasksRestore: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The version you read (its ETag, e.g. `"3"`): the change is refused with 412 if the record changed since. Without it, the change applies to the current version.
                 * @example "3"
                 */
                "If-Match"?: components["parameters"]["IfMatch"];
                /**
                 * @description Makes a retry safe: the same key and body within 48 hours get the first answer again instead of a second write.
                 * @example 6f1c2d7e-0c1b-4d8a-9f43-2b6f1f4f9a10
                 */
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
                    ETag: components["headers"]["ETag"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        title: string;
                        description: string | null;
                        dueOn: string | null;
                        /** @enum {string} */
                        priority: "low" | "normal" | "high" | "urgent";
                        /** @enum {string} */
                        status: "todo" | "doing" | "done";
                        /** @description Not done and due before today (Asia/Shanghai) */
                        overdue: boolean;
                        completedAt: string | null;
                        customerId: string | null;
                        customerName: string | null;
                        createdById: string | null;
                        createdByName: string | null;
                        /** Format: uuid */
                        ownerId: string;
                        ownerName: string | null;
                        sharedWith: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                        }[];
                        /** @description true when the caller sees it only because it was shared */
                        readOnly: boolean;
                        createdAt: string;
                        updatedAt: string;
                        version: number;
                        deleted: boolean;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getEvents: {
        parameters: {
            query?: {
                customerId?: string;
                /** @description Whose (salesperson / assignee), within scope */
                ownerId?: string;
                /** @description On or after this day (Asia/Shanghai) */
                from?: string;
                /** @description On or before this day (Asia/Shanghai) */
                to?: string;
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
                    Link: components["headers"]["Link"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["CalendarEvent"][];
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postEvents: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe: the same key and body within 48 hours get the first answer again instead of a second write.
                 * @example 6f1c2d7e-0c1b-4d8a-9f43-2b6f1f4f9a10
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EventCreateInput"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        title: string;
                        startsAt: string;
                        endsAt: string;
                        allDay: boolean;
                        location: string | null;
                        notes: string | null;
                        customerId: string | null;
                        customerName: string | null;
                        contactId: string | null;
                        remindMinutesBefore: number | null;
                        /** Format: uuid */
                        ownerId: string;
                        ownerName: string | null;
                        sharedWith: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                        }[];
                        /** @description true when the caller sees it only because it was shared */
                        readOnly: boolean;
                        createdAt: string;
                        updatedAt: string;
                        version: number;
                        deleted: boolean;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getEventsById: {
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
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        title: string;
                        startsAt: string;
                        endsAt: string;
                        allDay: boolean;
                        location: string | null;
                        notes: string | null;
                        customerId: string | null;
                        customerName: string | null;
                        contactId: string | null;
                        remindMinutesBefore: number | null;
                        /** Format: uuid */
                        ownerId: string;
                        ownerName: string | null;
                        sharedWith: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                        }[];
                        /** @description true when the caller sees it only because it was shared */
                        readOnly: boolean;
                        createdAt: string;
                        updatedAt: string;
                        version: number;
                        deleted: boolean;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    deleteEventsById: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The version you read (its ETag, e.g. `"3"`): the change is refused with 412 if the record changed since. Without it, the change applies to the current version.
                 * @example "3"
                 */
                "If-Match"?: components["parameters"]["IfMatch"];
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
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        title: string;
                        startsAt: string;
                        endsAt: string;
                        allDay: boolean;
                        location: string | null;
                        notes: string | null;
                        customerId: string | null;
                        customerName: string | null;
                        contactId: string | null;
                        remindMinutesBefore: number | null;
                        /** Format: uuid */
                        ownerId: string;
                        ownerName: string | null;
                        sharedWith: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                        }[];
                        /** @description true when the caller sees it only because it was shared */
                        readOnly: boolean;
                        createdAt: string;
                        updatedAt: string;
                        version: number;
                        deleted: boolean;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    patchEventsById: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The version you read (its ETag, e.g. `"3"`): the change is refused with 412 if the record changed since. Without it, the change applies to the current version.
                 * @example "3"
                 */
                "If-Match"?: components["parameters"]["IfMatch"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EventUpdateInput"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        title: string;
                        startsAt: string;
                        endsAt: string;
                        allDay: boolean;
                        location: string | null;
                        notes: string | null;
                        customerId: string | null;
                        customerName: string | null;
                        contactId: string | null;
                        remindMinutesBefore: number | null;
                        /** Format: uuid */
                        ownerId: string;
                        ownerName: string | null;
                        sharedWith: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                        }[];
                        /** @description true when the caller sees it only because it was shared */
                        readOnly: boolean;
                        createdAt: string;
                        updatedAt: string;
                        version: number;
                        deleted: boolean;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postEventsRestore: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The version you read (its ETag, e.g. `"3"`): the change is refused with 412 if the record changed since. Without it, the change applies to the current version.
                 * @example "3"
                 */
                "If-Match"?: components["parameters"]["IfMatch"];
                /**
                 * @description Makes a retry safe: the same key and body within 48 hours get the first answer again instead of a second write.
                 * @example 6f1c2d7e-0c1b-4d8a-9f43-2b6f1f4f9a10
                 */
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
                    ETag: components["headers"]["ETag"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        title: string;
                        startsAt: string;
                        endsAt: string;
                        allDay: boolean;
                        location: string | null;
                        notes: string | null;
                        customerId: string | null;
                        customerName: string | null;
                        contactId: string | null;
                        remindMinutesBefore: number | null;
                        /** Format: uuid */
                        ownerId: string;
                        ownerName: string | null;
                        sharedWith: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                        }[];
                        /** @description true when the caller sees it only because it was shared */
                        readOnly: boolean;
                        createdAt: string;
                        updatedAt: string;
                        version: number;
                        deleted: boolean;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getWorkbenchFollowUps: {
        parameters: {
            query?: {
                /** @description The day (Asia/Shanghai); today by default */
                on?: string;
                /** @description The system setting followUpDays by default */
                days?: number;
                /** @description A salesperson in the caller's scope */
                ownerId?: string;
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
                    "application/json": {
                        items: components["schemas"]["FollowUp"][];
                        /** @description The no-contact interval applied */
                        days: number;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getWorkbenchCareSuggestions: {
        parameters: {
            query?: {
                from?: string;
                days?: number;
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
                        items: components["schemas"]["CareSuggestion"][];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getWorkbenchStats: {
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
                        month: string;
                        thisMonth: components["schemas"]["PersonalFigures"];
                        lastMonth: components["schemas"]["PersonalFigures"];
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getNotifications: {
        parameters: {
            query?: {
                unread?: "true" | "false";
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
                    Link: components["headers"]["Link"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Notification"][];
                        nextCursor: string | null;
                        unread: number;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getNotificationsUnreadCount: {
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
                        unread: number;
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postNotificationsRead: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe: the same key and body within 48 hours get the first answer again instead of a second write.
                 * @example 6f1c2d7e-0c1b-4d8a-9f43-2b6f1f4f9a10
                 */
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
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        unread: number;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postNotificationsReadAll: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe: the same key and body within 48 hours get the first answer again instead of a second write.
                 * @example 6f1c2d7e-0c1b-4d8a-9f43-2b6f1f4f9a10
                 */
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
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        unread: number;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getProductCategories: {
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
                        items: components["schemas"]["ProductCategory"][];
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postProductCategories: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe: the same key and body within 48 hours get the first answer again instead of a second write.
                 * @example 6f1c2d7e-0c1b-4d8a-9f43-2b6f1f4f9a10
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProductCategoryCreateInput"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProductCategory"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    patchProductCategoriesById: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The version you read (its ETag, e.g. `"3"`): the change is refused with 412 if the record changed since. Without it, the change applies to the current version.
                 * @example "3"
                 */
                "If-Match"?: components["parameters"]["IfMatch"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProductCategoryUpdateInput"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProductCategory"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getProducts: {
        parameters: {
            query?: {
                /** @description Code, name or specification */
                q?: string;
                categoryId?: string;
                active?: "true" | "false";
                /** @description Only products at or below their threshold */
                lowStock?: "true";
                deleted?: "true" | "false";
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
                    Link: components["headers"]["Link"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Product"][];
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postProducts: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe: the same key and body within 48 hours get the first answer again instead of a second write.
                 * @example 6f1c2d7e-0c1b-4d8a-9f43-2b6f1f4f9a10
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProductCreateInput"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Product"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getProductsById: {
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
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Product"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    deleteProductsById: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The version you read (its ETag, e.g. `"3"`): the change is refused with 412 if the record changed since. Without it, the change applies to the current version.
                 * @example "3"
                 */
                "If-Match"?: components["parameters"]["IfMatch"];
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
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Product"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    patchProductsById: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The version you read (its ETag, e.g. `"3"`): the change is refused with 412 if the record changed since. Without it, the change applies to the current version.
                 * @example "3"
                 */
                "If-Match"?: components["parameters"]["IfMatch"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProductUpdateInput"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Product"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postProductsRestore: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The version you read (its ETag, e.g. `"3"`): the change is refused with 412 if the record changed since. Without it, the change applies to the current version.
                 * @example "3"
                 */
                "If-Match"?: components["parameters"]["IfMatch"];
                /**
                 * @description Makes a retry safe: the same key and body within 48 hours get the first answer again instead of a second write.
                 * @example 6f1c2d7e-0c1b-4d8a-9f43-2b6f1f4f9a10
                 */
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
                    ETag: components["headers"]["ETag"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Product"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getInventory: {
        parameters: {
            query?: {
                /** @description Code, name or specification */
                q?: string;
                categoryId?: string;
                /** @description Only products at or below their threshold */
                lowStock?: "true";
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
                    Link: components["headers"]["Link"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["InventoryItem"][];
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getStockMovements: {
        parameters: {
            query?: {
                productId?: string;
                kind?: "production_receipt" | "purchase_receipt" | "sale_issue" | "return" | "adjustment";
                from?: string;
                to?: string;
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
                    Link: components["headers"]["Link"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["StockMovement"][];
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postStockMovements: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe: the same key and body within 48 hours get the first answer again instead of a second write.
                 * @example 6f1c2d7e-0c1b-4d8a-9f43-2b6f1f4f9a10
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StockMovementCreateInput"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StockMovement"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getOrders: {
        parameters: {
            query?: {
                /** @description Contract number or customer name */
                q?: string;
                customerId?: string;
                status?: "draft" | "signed" | "partially_delivered" | "delivered" | "completed" | "cancelled";
                /** @description Signed on or after */
                from?: string;
                to?: string;
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
                    Link: components["headers"]["Link"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["OrderSummary"][];
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postOrders: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe: the same key and body within 48 hours get the first answer again instead of a second write.
                 * @example 6f1c2d7e-0c1b-4d8a-9f43-2b6f1f4f9a10
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OrderCreateInput"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Order"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getOrdersById: {
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
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Order"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    deleteOrdersById: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The version you read (its ETag, e.g. `"3"`): the change is refused with 412 if the record changed since. Without it, the change applies to the current version.
                 * @example "3"
                 */
                "If-Match"?: components["parameters"]["IfMatch"];
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
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Order"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    patchOrdersById: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The version you read (its ETag, e.g. `"3"`): the change is refused with 412 if the record changed since. Without it, the change applies to the current version.
                 * @example "3"
                 */
                "If-Match"?: components["parameters"]["IfMatch"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OrderUpdateInput"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Order"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postOrdersTransitions: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe: the same key and body within 48 hours get the first answer again instead of a second write.
                 * @example 6f1c2d7e-0c1b-4d8a-9f43-2b6f1f4f9a10
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OrderTransitionInput"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Order"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postOrdersDeliveries: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe: the same key and body within 48 hours get the first answer again instead of a second write.
                 * @example 6f1c2d7e-0c1b-4d8a-9f43-2b6f1f4f9a10
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OrderDeliveryInput"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Order"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postOrdersRestore: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The version you read (its ETag, e.g. `"3"`): the change is refused with 412 if the record changed since. Without it, the change applies to the current version.
                 * @example "3"
                 */
                "If-Match"?: components["parameters"]["IfMatch"];
                /**
                 * @description Makes a retry safe: the same key and body within 48 hours get the first answer again instead of a second write.
                 * @example 6f1c2d7e-0c1b-4d8a-9f43-2b6f1f4f9a10
                 */
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
                    ETag: components["headers"]["ETag"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Order"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getTransactions: {
        parameters: {
            query?: {
                customerId?: string;
                productId?: string;
                orderId?: string;
                from?: string;
                to?: string;
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
                    Link: components["headers"]["Link"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Transaction"][];
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postTransactions: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe: the same key and body within 48 hours get the first answer again instead of a second write.
                 * @example 6f1c2d7e-0c1b-4d8a-9f43-2b6f1f4f9a10
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TransactionCreateInput"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Transaction"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getTransactionsById: {
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
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Transaction"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    deleteTransactionsById: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The version you read (its ETag, e.g. `"3"`): the change is refused with 412 if the record changed since. Without it, the change applies to the current version.
                 * @example "3"
                 */
                "If-Match"?: components["parameters"]["IfMatch"];
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
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Transaction"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    patchTransactionsById: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The version you read (its ETag, e.g. `"3"`): the change is refused with 412 if the record changed since. Without it, the change applies to the current version.
                 * @example "3"
                 */
                "If-Match"?: components["parameters"]["IfMatch"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TransactionUpdateInput"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Transaction"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postTransactionsRestore: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The version you read (its ETag, e.g. `"3"`): the change is refused with 412 if the record changed since. Without it, the change applies to the current version.
                 * @example "3"
                 */
                "If-Match"?: components["parameters"]["IfMatch"];
                /**
                 * @description Makes a retry safe: the same key and body within 48 hours get the first answer again instead of a second write.
                 * @example 6f1c2d7e-0c1b-4d8a-9f43-2b6f1f4f9a10
                 */
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
                    ETag: components["headers"]["ETag"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Transaction"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getMaterialRequests: {
        parameters: {
            query?: {
                status?: "requested" | "accepted" | "done" | "rejected";
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
                    Link: components["headers"]["Link"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["MaterialRequest"][];
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postMaterialRequests: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe: the same key and body within 48 hours get the first answer again instead of a second write.
                 * @example 6f1c2d7e-0c1b-4d8a-9f43-2b6f1f4f9a10
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MaterialRequestCreateInput"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MaterialRequest"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getMaterialRequestsById: {
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
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MaterialRequest"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postMaterialRequestsTransitions: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe: the same key and body within 48 hours get the first answer again instead of a second write.
                 * @example 6f1c2d7e-0c1b-4d8a-9f43-2b6f1f4f9a10
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MaterialRequestTransitionInput"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MaterialRequest"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getPurchaseOrders: {
        parameters: {
            query?: {
                status?: "ordered" | "partially_received" | "received" | "cancelled";
                /** @description Number or supplier */
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
                    Link: components["headers"]["Link"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["PurchaseOrder"][];
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postPurchaseOrders: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe: the same key and body within 48 hours get the first answer again instead of a second write.
                 * @example 6f1c2d7e-0c1b-4d8a-9f43-2b6f1f4f9a10
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PurchaseOrderCreateInput"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PurchaseOrder"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getPurchaseOrdersById: {
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
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PurchaseOrder"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postPurchaseOrdersReceipts: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe: the same key and body within 48 hours get the first answer again instead of a second write.
                 * @example 6f1c2d7e-0c1b-4d8a-9f43-2b6f1f4f9a10
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PurchaseReceiptInput"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PurchaseOrder"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postPurchaseOrdersCancel: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe: the same key and body within 48 hours get the first answer again instead of a second write.
                 * @example 6f1c2d7e-0c1b-4d8a-9f43-2b6f1f4f9a10
                 */
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
                    ETag: components["headers"]["ETag"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PurchaseOrder"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getReceivables: {
        parameters: {
            query?: {
                customerId?: string;
                orderId?: string;
                status?: "open" | "paid" | "cancelled";
                overdue?: "true";
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
                    Link: components["headers"]["Link"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Receivable"][];
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getPayments: {
        parameters: {
            query?: {
                customerId?: string;
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
                    Link: components["headers"]["Link"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Payment"][];
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postPayments: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe: the same key and body within 48 hours get the first answer again instead of a second write.
                 * @example 6f1c2d7e-0c1b-4d8a-9f43-2b6f1f4f9a10
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PaymentCreateInput"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Payment"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getPaymentsById: {
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
                    "application/json": components["schemas"]["Payment"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postPaymentsReverse: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe: the same key and body within 48 hours get the first answer again instead of a second write.
                 * @example 6f1c2d7e-0c1b-4d8a-9f43-2b6f1f4f9a10
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PaymentReversalInput"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Payment"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getPayables: {
        parameters: {
            query?: {
                supplier?: string;
                status?: "open" | "paid" | "cancelled";
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
                    Link: components["headers"]["Link"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Payable"][];
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postPayablesPayments: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe: the same key and body within 48 hours get the first answer again instead of a second write.
                 * @example 6f1c2d7e-0c1b-4d8a-9f43-2b6f1f4f9a10
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SupplierPaymentCreateInput"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Payable"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getCollections: {
        parameters: {
            query?: {
                /** @description As of this day; today by default */
                on?: string;
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
                        on: string;
                        /** @description The 500 customers with the most overdue, then open */
                        items: components["schemas"]["CollectionRow"][];
                        /** @description Every customer in the caller's scope, listed or not */
                        totals: {
                            customers: number;
                            open: string;
                            overdue: string;
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getCollectionsById: {
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
                    "application/json": {
                        on: string;
                        customer: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            code: string;
                            address: string | null;
                            phone: string | null;
                        };
                        receivables: components["schemas"]["Receivable"][];
                        open: string;
                        overdue: string;
                        aging: {
                            notDue: string;
                            d1to30: string;
                            d31to60: string;
                            d61to90: string;
                            over90: string;
                        };
                        actions: components["schemas"]["CollectionAction"][];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postCollectionsActions: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe: the same key and body within 48 hours get the first answer again instead of a second write.
                 * @example 6f1c2d7e-0c1b-4d8a-9f43-2b6f1f4f9a10
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CollectionActionCreateInput"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CollectionAction"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getFinanceMargins: {
        parameters: {
            query?: {
                orderId?: string;
                productId?: string;
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
                        items: components["schemas"]["Margin"][];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getFinanceReconciliation: {
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
                        checked: {
                            receivables: number;
                            payments: number;
                        };
                        problems: {
                            kind: string;
                            id: string;
                            detail: string;
                        }[];
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getFeedback: {
        parameters: {
            query?: {
                q?: string;
                type?: string;
                status?: "open" | "in_progress" | "closed";
                handlerId?: string;
                customerId?: string;
                productId?: string;
                from?: string;
                to?: string;
                overdue?: "true";
                deleted?: "true" | "false";
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
                    Link: components["headers"]["Link"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Feedback"][];
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postFeedback: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe: the same key and body within 48 hours get the first answer again instead of a second write.
                 * @example 6f1c2d7e-0c1b-4d8a-9f43-2b6f1f4f9a10
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FeedbackCreateInput"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Feedback"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getFeedbackById: {
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
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Feedback"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    deleteFeedbackById: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The version you read (its ETag, e.g. `"3"`): the change is refused with 412 if the record changed since. Without it, the change applies to the current version.
                 * @example "3"
                 */
                "If-Match"?: components["parameters"]["IfMatch"];
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
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Feedback"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    patchFeedbackById: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The version you read (its ETag, e.g. `"3"`): the change is refused with 412 if the record changed since. Without it, the change applies to the current version.
                 * @example "3"
                 */
                "If-Match"?: components["parameters"]["IfMatch"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FeedbackUpdateInput"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Feedback"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postFeedbackRestore: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The version you read (its ETag, e.g. `"3"`): the change is refused with 412 if the record changed since. Without it, the change applies to the current version.
                 * @example "3"
                 */
                "If-Match"?: components["parameters"]["IfMatch"];
                /**
                 * @description Makes a retry safe: the same key and body within 48 hours get the first answer again instead of a second write.
                 * @example 6f1c2d7e-0c1b-4d8a-9f43-2b6f1f4f9a10
                 */
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
                    ETag: components["headers"]["ETag"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Feedback"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getReturnVisits: {
        parameters: {
            query?: {
                status?: "pending" | "done";
                feedbackId?: string;
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
                    Link: components["headers"]["Link"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["ReturnVisit"][];
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postReturnVisitsComplete: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe: the same key and body within 48 hours get the first answer again instead of a second write.
                 * @example 6f1c2d7e-0c1b-4d8a-9f43-2b6f1f4f9a10
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReturnVisitCompleteInput"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReturnVisit"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getReportsFirstTransactions: {
        parameters: {
            query?: {
                from?: string;
                to?: string;
                /** @description The owner's department and those below it */
                departmentId?: string;
                ownerId?: string;
                province?: string;
                class?: string;
                /** @description csv: the report's main table; xlsx: every table and the summary (both need report:export) */
                format?: "json" | "csv" | "xlsx";
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
                        [key: string]: unknown;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getReportsCustomerEvaluation: {
        parameters: {
            query?: {
                from?: string;
                to?: string;
                /** @description The owner's department and those below it */
                departmentId?: string;
                ownerId?: string;
                province?: string;
                class?: string;
                /** @description csv: the report's main table; xlsx: every table and the summary (both need report:export) */
                format?: "json" | "csv" | "xlsx";
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
                        [key: string]: unknown;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getReportsVisits: {
        parameters: {
            query?: {
                from?: string;
                to?: string;
                /** @description The owner's department and those below it */
                departmentId?: string;
                ownerId?: string;
                province?: string;
                class?: string;
                /** @description csv: the report's main table; xlsx: every table and the summary (both need report:export) */
                format?: "json" | "csv" | "xlsx";
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
                        [key: string]: unknown;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getReportsCustomerValue: {
        parameters: {
            query?: {
                from?: string;
                to?: string;
                /** @description The owner's department and those below it */
                departmentId?: string;
                ownerId?: string;
                province?: string;
                class?: string;
                /** @description csv: the report's main table; xlsx: every table and the summary (both need report:export) */
                format?: "json" | "csv" | "xlsx";
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
                        [key: string]: unknown;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getReportsSatisfaction: {
        parameters: {
            query?: {
                from?: string;
                to?: string;
                /** @description The owner's department and those below it */
                departmentId?: string;
                ownerId?: string;
                province?: string;
                class?: string;
                /** @description csv: the report's main table; xlsx: every table and the summary (both need report:export) */
                format?: "json" | "csv" | "xlsx";
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
                        [key: string]: unknown;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getReportsSales: {
        parameters: {
            query?: {
                from?: string;
                to?: string;
                /** @description The owner's department and those below it */
                departmentId?: string;
                ownerId?: string;
                province?: string;
                class?: string;
                /** @description csv: the report's main table; xlsx: every table and the summary (both need report:export) */
                format?: "json" | "csv" | "xlsx";
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
                        [key: string]: unknown;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getReportsDashboard: {
        parameters: {
            query?: {
                from?: string;
                to?: string;
                /** @description The owner's department and those below it */
                departmentId?: string;
                ownerId?: string;
                province?: string;
                class?: string;
                /** @description csv: the report's main table; xlsx: every table and the summary (both need report:export) */
                format?: "json" | "csv" | "xlsx";
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
                        [key: string]: unknown;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getReportsFirstTransactionsRecords: {
        parameters: {
            query: {
                from?: string;
                to?: string;
                /** @description The owner's department and those below it */
                departmentId?: string;
                ownerId?: string;
                province?: string;
                class?: string;
                /** @description The figure's row; absent or empty: none */
                value?: string;
                limit?: number;
                cursor?: string;
                dimension: "month" | "customer";
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
                    "application/json": components["schemas"]["ReportDrillRecords"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getReportsCustomerEvaluationRecords: {
        parameters: {
            query: {
                from?: string;
                to?: string;
                /** @description The owner's department and those below it */
                departmentId?: string;
                ownerId?: string;
                province?: string;
                class?: string;
                /** @description The figure's row; absent or empty: none */
                value?: string;
                limit?: number;
                cursor?: string;
                dimension: "region" | "creditRating" | "revenueBand" | "tracking";
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
                    "application/json": components["schemas"]["ReportDrillRecords"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getReportsVisitsRecords: {
        parameters: {
            query: {
                from?: string;
                to?: string;
                /** @description The owner's department and those below it */
                departmentId?: string;
                ownerId?: string;
                province?: string;
                class?: string;
                /** @description The figure's row; absent or empty: none */
                value?: string;
                limit?: number;
                cursor?: string;
                dimension: "salesperson" | "customer" | "complaintType";
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
                    "application/json": components["schemas"]["ReportDrillRecords"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getReportsCustomerValueRecords: {
        parameters: {
            query: {
                from?: string;
                to?: string;
                /** @description The owner's department and those below it */
                departmentId?: string;
                ownerId?: string;
                province?: string;
                class?: string;
                /** @description The figure's row; absent or empty: none */
                value?: string;
                limit?: number;
                cursor?: string;
                dimension: "segment" | "abc" | "customer";
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
                    "application/json": components["schemas"]["ReportDrillRecords"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getReportsSatisfactionRecords: {
        parameters: {
            query: {
                from?: string;
                to?: string;
                /** @description The owner's department and those below it */
                departmentId?: string;
                ownerId?: string;
                province?: string;
                class?: string;
                /** @description The figure's row; absent or empty: none */
                value?: string;
                limit?: number;
                cursor?: string;
                dimension: "type" | "product" | "handler" | "month";
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
                    "application/json": components["schemas"]["ReportDrillRecords"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getReportsSalesRecords: {
        parameters: {
            query: {
                from?: string;
                to?: string;
                /** @description The owner's department and those below it */
                departmentId?: string;
                ownerId?: string;
                province?: string;
                class?: string;
                /** @description The figure's row; absent or empty: none */
                value?: string;
                limit?: number;
                cursor?: string;
                dimension: "month" | "salesperson" | "product" | "region" | "orderStatus" | "aging";
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
                    "application/json": components["schemas"]["ReportDrillRecords"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getReportsDashboardRecords: {
        parameters: {
            query: {
                from?: string;
                to?: string;
                /** @description The owner's department and those below it */
                departmentId?: string;
                ownerId?: string;
                province?: string;
                class?: string;
                /** @description The figure's row; absent or empty: none */
                value?: string;
                limit?: number;
                cursor?: string;
                dimension: "revenueThisMonth" | "revenueLastMonth" | "newCustomers" | "openReceivables" | "overdueReceivables" | "openFeedback" | "complaints" | "salesperson";
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
                    "application/json": components["schemas"]["ReportDrillRecords"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postReportsCustomerValueApplyClasses: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe: the same key and body within 48 hours get the first answer again instead of a second write.
                 * @example 6f1c2d7e-0c1b-4d8a-9f43-2b6f1f4f9a10
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ApplySuggestedClassesInput"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        updated: number;
                        unchanged: number;
                        byClass: {
                            [key: string]: number;
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getApiKeys: {
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
                        items: components["schemas"]["ApiKey"][];
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postApiKeys: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe: the same key and body within 48 hours get the first answer again instead of a second write.
                 * @example 6f1c2d7e-0c1b-4d8a-9f43-2b6f1f4f9a10
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ApiKeyCreateInput"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyCreated"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    deleteApiKeysById: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The version you read (its ETag, e.g. `"3"`): the change is refused with 412 if the record changed since. Without it, the change applies to the current version.
                 * @example "3"
                 */
                "If-Match"?: components["parameters"]["IfMatch"];
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
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKey"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getWebhooks: {
        parameters: {
            query?: {
                includeDeleted?: "true" | "false";
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
                        items: components["schemas"]["WebhookSubscription"][];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postWebhooks: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe: the same key and body within 48 hours get the first answer again instead of a second write.
                 * @example 6f1c2d7e-0c1b-4d8a-9f43-2b6f1f4f9a10
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookCreateInput"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookWithSecret"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getWebhooksById: {
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
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookSubscription"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    deleteWebhooksById: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The version you read (its ETag, e.g. `"3"`): the change is refused with 412 if the record changed since. Without it, the change applies to the current version.
                 * @example "3"
                 */
                "If-Match"?: components["parameters"]["IfMatch"];
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
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookSubscription"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    patchWebhooksById: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The version you read (its ETag, e.g. `"3"`): the change is refused with 412 if the record changed since. Without it, the change applies to the current version.
                 * @example "3"
                 */
                "If-Match"?: components["parameters"]["IfMatch"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookUpdateInput"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookSubscription"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postWebhooksRestore: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The version you read (its ETag, e.g. `"3"`): the change is refused with 412 if the record changed since. Without it, the change applies to the current version.
                 * @example "3"
                 */
                "If-Match"?: components["parameters"]["IfMatch"];
                /**
                 * @description Makes a retry safe: the same key and body within 48 hours get the first answer again instead of a second write.
                 * @example 6f1c2d7e-0c1b-4d8a-9f43-2b6f1f4f9a10
                 */
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
                    ETag: components["headers"]["ETag"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookSubscription"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postWebhooksRotateSecret: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe: the same key and body within 48 hours get the first answer again instead of a second write.
                 * @example 6f1c2d7e-0c1b-4d8a-9f43-2b6f1f4f9a10
                 */
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
                    ETag: components["headers"]["ETag"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookWithSecret"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postWebhooksTest: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe: the same key and body within 48 hours get the first answer again instead of a second write.
                 * @example 6f1c2d7e-0c1b-4d8a-9f43-2b6f1f4f9a10
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Accepted: the work continues in the background */
            202: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        deliveryId: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getWebhooksDeliveries: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
                status?: "pending" | "succeeded" | "failed";
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
                    Link: components["headers"]["Link"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["WebhookDelivery"][];
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postWebhooksDeliveriesRedeliver: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe: the same key and body within 48 hours get the first answer again instead of a second write.
                 * @example 6f1c2d7e-0c1b-4d8a-9f43-2b6f1f4f9a10
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
                deliveryId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Accepted: the work continues in the background */
            202: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        queued: boolean;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
}
