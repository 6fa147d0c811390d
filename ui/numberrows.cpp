#include "numberrows.h"

namespace NumberRows {

NumberRow fromInfo(const NumberInfo &info)
{
    NumberRow row;
    row.sid = info.sid;
    row.phoneNumber = info.phoneNumber;
    row.friendlyName = info.friendlyName;
    row.voiceUrl = info.voiceUrl;
    row.state = info.state;
    row.lastError = info.lastError.message;
    row.twilioErrorCode = info.lastError.twilioCode;
    row.moreInfoUrl = info.lastError.moreInfo.toString();
    return row;
}

QVector<NumberRow> fromInfos(const QVector<NumberInfo> &infos)
{
    QVector<NumberRow> rows;
    rows.reserve(infos.size());
    for (const NumberInfo &info : infos)
        rows.append(fromInfo(info));
    return rows;
}

} // namespace NumberRows
