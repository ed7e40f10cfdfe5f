/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-core.h: everything the app, the printer and trellisctl use from the core
 */
#pragma once

#include "trellis-assignment.h"
#include "trellis-audit-entry.h"
#include "trellis-child-list.h"
#include "trellis-child.h"
#include "trellis-clock.h"
#include "trellis-context.h"
#include "trellis-date.h"
#include "trellis-demo.h"
#include "trellis-enum-types.h"
#include "trellis-enums.h"
#include "trellis-error.h"
#include "trellis-health-record.h"
#include "trellis-health-rules.h"
#include "trellis-home.h"
#include "trellis-json-writer.h"
#include "trellis-password.h"
#include "trellis-record.h"
#include "trellis-registration.h"
#include "trellis-permission.h"
#include "trellis-staff.h"
#include "trellis-store.h"
#include "trellis-text.h"
#include "trellis-transaction.h"
