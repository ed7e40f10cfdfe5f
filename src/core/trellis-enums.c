/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-enums.c: labels a care worker reads for the enumerations
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "trellis-enums.h"
#include "trellis-enum-types.h"

const char *
trellis_role_to_label (TrellisRole role)
{
  switch (role)
    {
    case TRELLIS_ROLE_ADMINISTRATOR: return _("Administrator");
    case TRELLIS_ROLE_MANAGER:       return _("Manager");
    case TRELLIS_ROLE_STAFF:         return _("Staff");
    case TRELLIS_ROLE_VISITOR:       return _("Visitor");
    default:                         return _("Unknown");
    }
}

const char *
trellis_legal_status_to_label (TrellisLegalStatus status)
{
  switch (status)
    {
    case TRELLIS_LEGAL_STATUS_CARE_ORDER:         return _("Care order (section 31)");
    case TRELLIS_LEGAL_STATUS_INTERIM_CARE_ORDER: return _("Interim care order (section 38)");
    case TRELLIS_LEGAL_STATUS_ACCOMMODATED:       return _("Accommodated (section 20)");
    case TRELLIS_LEGAL_STATUS_PLACEMENT_ORDER:    return _("Placement order");
    case TRELLIS_LEGAL_STATUS_REMAND:             return _("Remanded to local authority");
    case TRELLIS_LEGAL_STATUS_OTHER:              return _("Other");
    case TRELLIS_LEGAL_STATUS_UNKNOWN:
    default:                                      return _("Not recorded");
    }
}

const char *
trellis_change_reason_to_label (TrellisChangeReason reason)
{
  switch (reason)
    {
    case TRELLIS_CHANGE_REASON_FIRST_ASSIGNMENT: return _("First Link Worker");
    case TRELLIS_CHANGE_REASON_CHILD_REQUEST:
      return _("The child said the relationship was not working");
    case TRELLIS_CHANGE_REASON_STAFF_LEFT:
      return _("The Link Worker left or is on long-term absence");
    case TRELLIS_CHANGE_REASON_NO_RELATIONSHIP:
      return _("A positive relationship could not be established");
    case TRELLIS_CHANGE_REASON_MANAGER_DECISION:
      return _("The manager judged a change to be in the child’s best interests");
    default:
      return _("Unknown");
    }
}

const char *
trellis_enum_to_nick (GType enum_type,
                      int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  GEnumValue *ev = g_enum_get_value (klass, value);

  return ev != NULL ? ev->value_nick : NULL;
}

int
trellis_enum_from_nick (GType       enum_type,
                        const char *nick)
{
  g_autoptr(GEnumClass) klass = NULL;
  GEnumValue *ev;

  if (nick == NULL)
    return -1;

  klass = g_type_class_ref (enum_type);
  ev = g_enum_get_value_by_nick (klass, nick);

  return ev != NULL ? ev->value : -1;
}
