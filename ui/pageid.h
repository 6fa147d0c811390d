#pragma once

// The wizard's pages in the order the migration runs. The values are the QWizard page ids.
enum class PageId : int { Connect, Trunk, Inbound, Outbound, Cutover, Numbers, Finish };

inline int pageIndex(PageId id)
{
    return static_cast<int>(id);
}
