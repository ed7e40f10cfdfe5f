/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-welcome-page.c: the first thing a new installation shows
 *
 * Three ways in: create a real home, explore the demo, or open a home kept elsewhere. Its
 * buttons are the window's actions (win.show-create-home, win.open-demo, win.open-home), so
 * the same choices in the sign-in page's menu behave the same. A home that cannot be opened
 * comes back here with the reason under the buttons.
 */
#define G_LOG_DOMAIN "trellis-welcome-page"

#include "config.h"

#include "trellis-welcome-page.h"

struct _TrellisWelcomePage
{
  AdwBin    parent_instance;

  GtkLabel *error_label;
};

G_DEFINE_FINAL_TYPE (TrellisWelcomePage, trellis_welcome_page, ADW_TYPE_BIN)

static void
trellis_welcome_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), TRELLIS_TYPE_WELCOME_PAGE);
  G_OBJECT_CLASS (trellis_welcome_page_parent_class)->dispose (object);
}

static void
trellis_welcome_page_class_init (TrellisWelcomePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trellis_welcome_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/trellis/Trellis/pages/"
                                               "trellis-welcome-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TrellisWelcomePage, error_label);
}

static void
trellis_welcome_page_init (TrellisWelcomePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Says why a home could not be opened; %NULL clears it. */
void
trellis_welcome_page_show_error (TrellisWelcomePage *self,
                                 const char         *message)
{
  g_return_if_fail (TRELLIS_IS_WELCOME_PAGE (self));

  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

const char *
trellis_welcome_page_get_error (TrellisWelcomePage *self)
{
  g_return_val_if_fail (TRELLIS_IS_WELCOME_PAGE (self), NULL);

  return gtk_widget_get_visible (GTK_WIDGET (self->error_label))
           ? gtk_label_get_text (self->error_label) : NULL;
}
