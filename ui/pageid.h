#pragma once

// The wizard's pages in the order the migration runs. The values are the QWizard page ids.
// Calls comes before steps 1 and 2: its choices shape both handlers.
enum class PageId : int { Connect, Trunk, Calls, Inbound, Outbound, Cutover, Numbers, Finish };

inline int pageIndex(PageId id)
{
    return static_cast<int>(id);
}
