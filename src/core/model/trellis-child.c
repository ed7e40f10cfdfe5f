/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-child.c: a child's core details and the rules they must keep
 */
#define G_LOG_DOMAIN "trellis-child"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "trellis-child.h"
#include "trellis-date.h"
#include "trellis-enum-types.h"
#include "trellis-error.h"
#include "trellis-record.h"
#include "trellis-text.h"

struct _TrellisChild
{
  GObject            parent_instance;

  gint64             id;
  int                version;
  char              *given_name;
  char              *family_name;
  char              *preferred_name;
  GDateTime         *date_of_birth;
  char              *gender;
  char              *first_language;
  char              *religion;
  TrellisLegalStatus legal_status;
  char              *placing_authority;
  char              *allergies;
  char              *medication;
  GDateTime         *admission_date;
  GDateTime         *leaving_date;
  GBytes            *photo;
  gint64             link_worker_id;
  char              *link_worker_name;
  gboolean           placeholder;
};

G_DEFINE_FINAL_TYPE (TrellisChild, trellis_child, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_VERSION,
  PROP_GIVEN_NAME,
  PROP_FAMILY_NAME,
  PROP_PREFERRED_NAME,
  PROP_DATE_OF_BIRTH,
  PROP_GENDER,
  PROP_FIRST_LANGUAGE,
  PROP_RELIGION,
  PROP_LEGAL_STATUS,
  PROP_PLACING_AUTHORITY,
  PROP_ADMISSION_DATE,
  PROP_LEAVING_DATE,
  PROP_PHOTO,
  PROP_ALLERGIES,
  PROP_MEDICATION,
  PROP_LINK_WORKER_ID,
  PROP_LINK_WORKER_NAME,
  PROP_DISPLAY_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
trellis_problem_free (TrellisProblem *problem)
{
  if (problem == NULL)
    return;
  g_free (problem->field);
  g_free (problem->message);
  g_free (problem);
}

TrellisProblem *
trellis_problem_new (const char *field,
                     const char *message)
{
  TrellisProblem *problem = g_new0 (TrellisProblem, 1);

  problem->field = g_strdup (field);
  problem->message = g_strdup (message);
  return problem;
}

static void
add_problem (GPtrArray  *problems,
             const char *field,
             const char *message)
{
  g_ptr_array_add (problems, trellis_problem_new (field, message));
}

/* A text field holds one line of visible text, in any script, of a sensible length; with
 * @missing, it holds something. */
static void
check_text (GPtrArray  *problems,
            const char *field,
            const char *label,
            const char *missing,
            const char *value)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = missing != NULL
                  ? trellis_text_check_required (value, TRELLIS_TEXT_LINE, label, missing, &error)
                  : trellis_text_check (value, TRELLIS_TEXT_LINE, label, &error);

  if (!ok)
    add_problem (problems, field, error->message);
}

/* Strings are kept trimmed and never NULL, so "" means "not recorded". */
static gboolean
replace_string (char       **slot,
                const char  *value)
{
  g_autofree char *clean = g_strstrip (g_strdup (value != NULL ? value : ""));

  if (g_strcmp0 (*slot, clean) == 0)
    return FALSE;

  g_free (*slot);
  *slot = g_steal_pointer (&clean);
  return TRUE;
}

static gboolean
replace_date (GDateTime **slot,
              GDateTime  *value)
{
  if (trellis_date_equal (*slot, value))
    return FALSE;

  g_clear_pointer (slot, g_date_time_unref);
  *slot = value != NULL ? g_date_time_ref (value) : NULL;
  return TRUE;
}

static void
notify (TrellisChild *self,
        guint         prop)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
  if (prop == PROP_GIVEN_NAME || prop == PROP_FAMILY_NAME || prop == PROP_PREFERRED_NAME)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISPLAY_NAME]);
}

static void
trellis_child_finalize (GObject *object)
{
  TrellisChild *self = (TrellisChild *)object;

  g_clear_pointer (&self->given_name, g_free);
  g_clear_pointer (&self->family_name, g_free);
  g_clear_pointer (&self->preferred_name, g_free);
  g_clear_pointer (&self->date_of_birth, g_date_time_unref);
  g_clear_pointer (&self->gender, g_free);
  g_clear_pointer (&self->first_language, g_free);
  g_clear_pointer (&self->religion, g_free);
  g_clear_pointer (&self->placing_authority, g_free);
  g_clear_pointer (&self->allergies, g_free);
  g_clear_pointer (&self->medication, g_free);
  g_clear_pointer (&self->admission_date, g_date_time_unref);
  g_clear_pointer (&self->leaving_date, g_date_time_unref);
  g_clear_pointer (&self->photo, g_bytes_unref);
  g_clear_pointer (&self->link_worker_name, g_free);

  G_OBJECT_CLASS (trellis_child_parent_class)->finalize (object);
}

static void
trellis_child_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  TrellisChild *self = TRELLIS_CHILD (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_VERSION: g_value_set_int (value, self->version); break;
    case PROP_GIVEN_NAME: g_value_set_string (value, self->given_name); break;
    case PROP_FAMILY_NAME: g_value_set_string (value, self->family_name); break;
    case PROP_PREFERRED_NAME: g_value_set_string (value, self->preferred_name); break;
    case PROP_DATE_OF_BIRTH: g_value_set_boxed (value, self->date_of_birth); break;
    case PROP_GENDER: g_value_set_string (value, self->gender); break;
    case PROP_FIRST_LANGUAGE: g_value_set_string (value, self->first_language); break;
    case PROP_RELIGION: g_value_set_string (value, self->religion); break;
    case PROP_LEGAL_STATUS: g_value_set_enum (value, self->legal_status); break;
    case PROP_PLACING_AUTHORITY: g_value_set_string (value, self->placing_authority); break;
    case PROP_ADMISSION_DATE: g_value_set_boxed (value, self->admission_date); break;
    case PROP_LEAVING_DATE: g_value_set_boxed (value, self->leaving_date); break;
    case PROP_PHOTO: g_value_set_boxed (value, self->photo); break;
    case PROP_ALLERGIES: g_value_set_string (value, self->allergies); break;
    case PROP_MEDICATION: g_value_set_string (value, self->medication); break;
    case PROP_LINK_WORKER_ID: g_value_set_int64 (value, self->link_worker_id); break;
    case PROP_LINK_WORKER_NAME: g_value_set_string (value, self->link_worker_name); break;
    case PROP_DISPLAY_NAME: g_value_take_string (value, trellis_child_dup_display_name (self)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_child_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  TrellisChild *self = TRELLIS_CHILD (object);

  switch (prop_id)
    {
    case PROP_ID: trellis_child_set_id (self, g_value_get_int64 (value)); break;
    case PROP_VERSION: trellis_child_set_version (self, g_value_get_int (value)); break;
    case PROP_GIVEN_NAME: trellis_child_set_given_name (self, g_value_get_string (value)); break;
    case PROP_FAMILY_NAME: trellis_child_set_family_name (self, g_value_get_string (value)); break;
    case PROP_PREFERRED_NAME:
      trellis_child_set_preferred_name (self, g_value_get_string (value));
      break;
    case PROP_DATE_OF_BIRTH: trellis_child_set_date_of_birth (self, g_value_get_boxed (value)); break;
    case PROP_GENDER: trellis_child_set_gender (self, g_value_get_string (value)); break;
    case PROP_FIRST_LANGUAGE:
      trellis_child_set_first_language (self, g_value_get_string (value));
      break;
    case PROP_RELIGION: trellis_child_set_religion (self, g_value_get_string (value)); break;
    case PROP_LEGAL_STATUS: trellis_child_set_legal_status (self, g_value_get_enum (value)); break;
    case PROP_PLACING_AUTHORITY:
      trellis_child_set_placing_authority (self, g_value_get_string (value));
      break;
    case PROP_ADMISSION_DATE:
      trellis_child_set_admission_date (self, g_value_get_boxed (value));
      break;
    case PROP_LEAVING_DATE: trellis_child_set_leaving_date (self, g_value_get_boxed (value)); break;
    case PROP_PHOTO: trellis_child_set_photo (self, g_value_get_boxed (value)); break;
    case PROP_ALLERGIES: trellis_child_set_allergies (self, g_value_get_string (value)); break;
    case PROP_MEDICATION: trellis_child_set_medication (self, g_value_get_string (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_child_class_init (TrellisChildClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;
  GParamFlags versioned = rw | TRELLIS_PARAM_VERSIONED;

  object_class->finalize = trellis_child_finalize;
  object_class->get_property = trellis_child_get_property;
  object_class->set_property = trellis_child_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_VERSION] = g_param_spec_int ("version", NULL, NULL, 0, G_MAXINT, 0, rw);
  /* what a person edits: versioned, and called in the audit trail what the child's page
   * calls it */
  properties[PROP_GIVEN_NAME] =
    g_param_spec_string ("given-name", N_("First name (legal)"), NULL, "", versioned);
  properties[PROP_FAMILY_NAME] =
    g_param_spec_string ("family-name", N_("Family name"), NULL, "", versioned);
  properties[PROP_PREFERRED_NAME] =
    g_param_spec_string ("preferred-name", N_("Preferred name"), NULL, "", versioned);
  properties[PROP_DATE_OF_BIRTH] =
    g_param_spec_boxed ("date-of-birth", N_("Date of birth"), NULL, G_TYPE_DATE_TIME,
                        versioned);
  properties[PROP_GENDER] = g_param_spec_string ("gender", N_("Gender"), NULL, "", versioned);
  properties[PROP_FIRST_LANGUAGE] =
    g_param_spec_string ("first-language", N_("First language"), NULL, "", versioned);
  properties[PROP_RELIGION] =
    g_param_spec_string ("religion", N_("Religion"), NULL, "", versioned);
  properties[PROP_LEGAL_STATUS] =
    g_param_spec_enum ("legal-status", N_("Legal status"), NULL, TRELLIS_TYPE_LEGAL_STATUS,
                       TRELLIS_LEGAL_STATUS_UNKNOWN, versioned);
  properties[PROP_PLACING_AUTHORITY] =
    g_param_spec_string ("placing-authority", N_("Placing authority"), NULL, "", versioned);
  properties[PROP_ADMISSION_DATE] =
    g_param_spec_boxed ("admission-date", N_("Admission date"), NULL, G_TYPE_DATE_TIME,
                        versioned);
  properties[PROP_LEAVING_DATE] =
    g_param_spec_boxed ("leaving-date", N_("Leaving date"), NULL, G_TYPE_DATE_TIME, versioned);
  properties[PROP_PHOTO] =
    g_param_spec_boxed ("photo", N_("Photo"), NULL, G_TYPE_BYTES, versioned);
  /* what everyone who cares for the child must know: shown at the top of their page */
  properties[PROP_ALLERGIES] =
    g_param_spec_string ("allergies", N_("Allergies"), NULL, "", versioned);
  properties[PROP_MEDICATION] =
    g_param_spec_string ("medication", N_("Medication"), NULL, "", versioned);
  properties[PROP_LINK_WORKER_ID] =
    g_param_spec_int64 ("link-worker-id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_LINK_WORKER_NAME] =
    g_param_spec_string ("link-worker-name", NULL, NULL, NULL, ro);
  properties[PROP_DISPLAY_NAME] = g_param_spec_string ("display-name", NULL, NULL, NULL, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
trellis_child_init (TrellisChild *self)
{
  self->given_name = g_strdup ("");
  self->family_name = g_strdup ("");
  self->preferred_name = g_strdup ("");
  self->gender = g_strdup ("");
  self->first_language = g_strdup ("");
  self->religion = g_strdup ("");
  self->placing_authority = g_strdup ("");
  self->allergies = g_strdup ("");
  self->medication = g_strdup ("");
}

TrellisChild *
trellis_child_new (void)
{
  return g_object_new (TRELLIS_TYPE_CHILD, NULL);
}

/* A detached copy for an editor to change without touching what every view shows. */
TrellisChild *
trellis_child_copy (TrellisChild *self)
{
  TrellisChild *copy;

  g_return_val_if_fail (TRELLIS_IS_CHILD (self), NULL);

  copy = trellis_child_new ();
  copy->id = self->id;
  copy->version = self->version;
  replace_string (&copy->given_name, self->given_name);
  replace_string (&copy->family_name, self->family_name);
  replace_string (&copy->preferred_name, self->preferred_name);
  replace_date (&copy->date_of_birth, self->date_of_birth);
  replace_string (&copy->gender, self->gender);
  replace_string (&copy->first_language, self->first_language);
  replace_string (&copy->religion, self->religion);
  copy->legal_status = self->legal_status;
  replace_string (&copy->placing_authority, self->placing_authority);
  replace_string (&copy->allergies, self->allergies);
  replace_string (&copy->medication, self->medication);
  replace_date (&copy->admission_date, self->admission_date);
  replace_date (&copy->leaving_date, self->leaving_date);
  copy->photo = self->photo != NULL ? g_bytes_ref (self->photo) : NULL;
  copy->link_worker_id = self->link_worker_id;
  copy->link_worker_name = g_strdup (self->link_worker_name);
  copy->placeholder = self->placeholder;

  return copy;
}

/**
 * trellis_child_new_placeholder:
 * @id: the child the row will show
 *
 * What a lazy list gives for a row it is still reading: the child's id and nothing else
 * (trellis-child-list.c). The list replaces it with the child read, and says so with
 * ::items-changed; the placeholder itself never changes. Not a property: it is not part of
 * the record, so no snapshot, diff or export must see it.
 */
TrellisChild *
trellis_child_new_placeholder (gint64 id)
{
  TrellisChild *self = trellis_child_new ();

  self->id = id;
  self->placeholder = TRUE;
  return self;
}

/* Whether this is a row still being read (trellis_child_new_placeholder()): shown as such,
 * never opened, edited or saved. */
gboolean
trellis_child_is_placeholder (TrellisChild *self)
{
  g_return_val_if_fail (TRELLIS_IS_CHILD (self), FALSE);
  return self->placeholder;
}

#define STRING_ACCESSORS(field, PROP)                                      \
  const char *                                                             \
  trellis_child_get_##field (TrellisChild *self)                           \
  {                                                                        \
    g_return_val_if_fail (TRELLIS_IS_CHILD (self), NULL);                  \
    return self->field;                                                    \
  }                                                                        \
  void                                                                     \
  trellis_child_set_##field (TrellisChild *self, const char *value)        \
  {                                                                        \
    g_return_if_fail (TRELLIS_IS_CHILD (self));                            \
    if (replace_string (&self->field, value))                              \
      notify (self, PROP);                                                 \
  }

#define DATE_ACCESSORS(field, PROP)                                        \
  GDateTime *                                                              \
  trellis_child_get_##field (TrellisChild *self)                           \
  {                                                                        \
    g_return_val_if_fail (TRELLIS_IS_CHILD (self), NULL);                  \
    return self->field;                                                    \
  }                                                                        \
  void                                                                     \
  trellis_child_set_##field (TrellisChild *self, GDateTime *value)         \
  {                                                                        \
    g_return_if_fail (TRELLIS_IS_CHILD (self));                            \
    if (replace_date (&self->field, value))                                \
      notify (self, PROP);                                                 \
  }

STRING_ACCESSORS (given_name, PROP_GIVEN_NAME)
STRING_ACCESSORS (family_name, PROP_FAMILY_NAME)
STRING_ACCESSORS (preferred_name, PROP_PREFERRED_NAME)
STRING_ACCESSORS (gender, PROP_GENDER)
STRING_ACCESSORS (first_language, PROP_FIRST_LANGUAGE)
STRING_ACCESSORS (religion, PROP_RELIGION)
STRING_ACCESSORS (placing_authority, PROP_PLACING_AUTHORITY)
STRING_ACCESSORS (allergies, PROP_ALLERGIES)
STRING_ACCESSORS (medication, PROP_MEDICATION)
DATE_ACCESSORS (date_of_birth, PROP_DATE_OF_BIRTH)
DATE_ACCESSORS (admission_date, PROP_ADMISSION_DATE)
DATE_ACCESSORS (leaving_date, PROP_LEAVING_DATE)

gint64
trellis_child_get_id (TrellisChild *self)
{
  g_return_val_if_fail (TRELLIS_IS_CHILD (self), 0);
  return self->id;
}

void
trellis_child_set_id (TrellisChild *self,
                      gint64        id)
{
  g_return_if_fail (TRELLIS_IS_CHILD (self));
  if (self->id != id)
    {
      self->id = id;
      notify (self, PROP_ID);
    }
}

int
trellis_child_get_version (TrellisChild *self)
{
  g_return_val_if_fail (TRELLIS_IS_CHILD (self), 0);
  return self->version;
}

void
trellis_child_set_version (TrellisChild *self,
                           int           version)
{
  g_return_if_fail (TRELLIS_IS_CHILD (self));
  if (self->version != version)
    {
      self->version = version;
      notify (self, PROP_VERSION);
    }
}

TrellisLegalStatus
trellis_child_get_legal_status (TrellisChild *self)
{
  g_return_val_if_fail (TRELLIS_IS_CHILD (self), TRELLIS_LEGAL_STATUS_UNKNOWN);
  return self->legal_status;
}

void
trellis_child_set_legal_status (TrellisChild      *self,
                                TrellisLegalStatus value)
{
  g_return_if_fail (TRELLIS_IS_CHILD (self));
  if (self->legal_status != value)
    {
      self->legal_status = value;
      notify (self, PROP_LEGAL_STATUS);
    }
}

GBytes *
trellis_child_get_photo (TrellisChild *self)
{
  g_return_val_if_fail (TRELLIS_IS_CHILD (self), NULL);
  return self->photo;
}

void
trellis_child_set_photo (TrellisChild *self,
                         GBytes       *value)
{
  g_return_if_fail (TRELLIS_IS_CHILD (self));
  if (self->photo == value || (self->photo && value && g_bytes_equal (self->photo, value)))
    return;
  g_clear_pointer (&self->photo, g_bytes_unref);
  self->photo = value != NULL ? g_bytes_ref (value) : NULL;
  notify (self, PROP_PHOTO);
}

gint64
trellis_child_get_link_worker_id (TrellisChild *self)
{
  g_return_val_if_fail (TRELLIS_IS_CHILD (self), 0);
  return self->link_worker_id;
}

const char *
trellis_child_get_link_worker_name (TrellisChild *self)
{
  g_return_val_if_fail (TRELLIS_IS_CHILD (self), NULL);
  return self->link_worker_name;
}

/* Set by the store from the current assignment, or for a child who has left from the one
 * that ran until the leaving date (a reader says "until" then, not "now"); changing it is
 * the store's job. */
void
trellis_child_set_link_worker (TrellisChild *self,
                               gint64        staff_id,
                               const char   *display_name)
{
  g_return_if_fail (TRELLIS_IS_CHILD (self));

  if (self->link_worker_id != staff_id)
    {
      self->link_worker_id = staff_id;
      notify (self, PROP_LINK_WORKER_ID);
    }
  if (g_strcmp0 (self->link_worker_name, display_name) != 0)
    {
      g_free (self->link_worker_name);
      self->link_worker_name = g_strdup (display_name);
      notify (self, PROP_LINK_WORKER_NAME);
    }
}

/* The name the child goes by: preferred name if they have one, with the family name. */
char *
trellis_child_dup_display_name (TrellisChild *self)
{
  const char *first;

  g_return_val_if_fail (TRELLIS_IS_CHILD (self), NULL);

  first = *self->preferred_name != '\0' ? self->preferred_name : self->given_name;
  if (*self->family_name == '\0')
    return g_strdup (first);
  if (*first == '\0')
    return g_strdup (self->family_name);

  return g_strdup_printf ("%s %s", first, self->family_name);
}

char *
trellis_child_dup_full_name (TrellisChild *self)
{
  g_return_val_if_fail (TRELLIS_IS_CHILD (self), NULL);

  return g_strstrip (g_strdup_printf ("%s %s", self->given_name, self->family_name));
}

int
trellis_child_get_age (TrellisChild *self,
                       GDateTime    *today)
{
  g_return_val_if_fail (TRELLIS_IS_CHILD (self), 0);

  if (self->date_of_birth == NULL || today == NULL)
    return 0;

  return trellis_date_age (self->date_of_birth, today);
}

gboolean
trellis_child_is_placed (TrellisChild *self,
                         GDateTime    *today)
{
  g_return_val_if_fail (TRELLIS_IS_CHILD (self), FALSE);

  return self->leaving_date == NULL || trellis_date_compare (self->leaving_date, today) > 0;
}

/* Every problem with the child's details, in the order of the form, so an editor can mark
 * each field at once. An empty array means the child can be saved. */
GPtrArray *
trellis_child_check (TrellisChild *self,
                     GDateTime    *today)
{
  GPtrArray *problems = g_ptr_array_new_with_free_func ((GDestroyNotify) trellis_problem_free);

  g_return_val_if_fail (TRELLIS_IS_CHILD (self), problems);
  g_return_val_if_fail (today != NULL, problems);

  check_text (problems, "given-name", _("First name"), _("Enter the child’s first name"),
              self->given_name);
  check_text (problems, "family-name", _("Family name"), _("Enter the child’s family name"),
              self->family_name);
  check_text (problems, "preferred-name", _("Preferred name"), NULL, self->preferred_name);

  if (self->date_of_birth == NULL)
    add_problem (problems, "date-of-birth", _("Enter the child’s date of birth"));
  else if (trellis_date_compare (self->date_of_birth, today) > 0)
    add_problem (problems, "date-of-birth", _("The date of birth cannot be in the future"));
  else if (trellis_date_age (self->date_of_birth, today) >= 26)
    add_problem (problems, "date-of-birth",
                 _("The date of birth makes the child older than 25: check the year"));

  check_text (problems, "gender", _("Gender"), NULL, self->gender);
  check_text (problems, "first-language", _("First language"), NULL, self->first_language);
  check_text (problems, "religion", _("Religion"), NULL, self->religion);
  check_text (problems, "allergies", _("Allergies"), NULL, self->allergies);
  check_text (problems, "medication", _("Medication"), NULL, self->medication);
  check_text (problems, "placing-authority", _("Placing authority"), NULL,
              self->placing_authority);

  if (self->admission_date != NULL && self->date_of_birth != NULL &&
      trellis_date_compare (self->admission_date, self->date_of_birth) < 0)
    add_problem (problems, "admission-date",
                 _("The admission date cannot be before the date of birth"));

  if (self->leaving_date != NULL)
    {
      if (self->admission_date == NULL)
        add_problem (problems, "leaving-date",
                     _("A leaving date needs an admission date before it"));
      else if (trellis_date_compare (self->leaving_date, self->admission_date) < 0)
        add_problem (problems, "leaving-date",
                     _("The leaving date cannot be before the admission date"));
    }

  return problems;
}

gboolean
trellis_child_validate (TrellisChild *self,
                        GDateTime    *today,
                        GError      **error)
{
  g_autoptr(GPtrArray) problems = trellis_child_check (self, today);

  if (problems->len == 0)
    return TRUE;

  {
    TrellisProblem *first = g_ptr_array_index (problems, 0);
    g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID, "%s (%s)",
                 first->message, first->field);
  }
  return FALSE;
}

/**
 * trellis_child_check_link_worker_start:
 * @today: the day it is
 *
 * A Link Worker starts on a day that has come, while the child lives in the home: the rule
 * the store enforces and a form can check as the person types.
 */
gboolean
trellis_child_check_link_worker_start (TrellisChild  *child,
                                       GDateTime     *start_date,
                                       GDateTime     *today,
                                       GError       **error)
{
  GDateTime *admitted = trellis_child_get_admission_date (child);
  GDateTime *left = trellis_child_get_leaving_date (child);

  g_return_val_if_fail (TRELLIS_IS_CHILD (child), FALSE);
  g_return_val_if_fail (start_date != NULL && today != NULL, FALSE);

  if (trellis_date_compare (start_date, today) > 0)
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                   _("The start date is in the future: record the change on the day it "
                     "happens"));
      return FALSE;
    }
  if (admitted != NULL && trellis_date_compare (start_date, admitted) < 0)
    {
      g_autofree char *when = trellis_date_format (admitted);
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                   _("The start date is before the child came to live here (%s)"), when);
      return FALSE;
    }
  if (left != NULL && trellis_date_compare (start_date, left) > 0)
    {
      g_autofree char *when = trellis_date_format (left);
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                   _("The start date is after the child left (%s)"), when);
      return FALSE;
    }
  return TRUE;
}
