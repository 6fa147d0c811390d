#include "cutoversheet.h"

CutoverSheet makeCutoverSheet(const InboundResult &result, const InboundOptions &options)
{
    CutoverSheet sheet;
    sheet.domainName = result.domainName;
    sheet.sipUris = result.sipUris;
    // A Secure domain takes TLS signalling and SRTP media only.
    sheet.tlsRequired = options.secureMedia.value_or(false);
    sheet.srtpRequired = options.secureMedia.value_or(false);
    sheet.ipAccessControlLists = result.ipAccessControlLists;
    sheet.credentialLists = result.credentialLists;
    return sheet;
}
