/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "trellis-error.h"

G_DEFINE_QUARK (trellis-error-quark, trellis_error)
