#pragma once

#include "migrationtypes.h"

#include <QWidget>

class QFormLayout;
class QPushButton;

// The PBX administrator's sheet for step 3, laid out to be read and copied: the domain and its
// URIs (each with a copy button), the port and transport, whether SRTP is required and which
// lists now guard the domain. "Copy the whole sheet" copies CutoverSheet::asText().
class CutoverSheetView : public QWidget
{
    Q_OBJECT
public:
    explicit CutoverSheetView(QWidget *parent = nullptr);

    void setSheet(const CutoverSheet &sheet);
    QPushButton *copyAllButton() const { return m_copyAll; }

private:
    void addText(const QString &label, const QString &text, const QString &objectName);

    CutoverSheet m_sheet;
    QFormLayout *m_form;
    QPushButton *m_copyAll;
};
