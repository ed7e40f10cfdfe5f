/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-document-private.h: what the document builder, pagination and the block kinds share
 *
 * A document is a list of blocks. Each block kind (text, table, image, chart) lives in a
 * trellis-block-<kind>.c of its own with its trellis_document_add_<kind>() functions, and
 * describes itself to pagination with a few flags: whether it keeps with the next block, may
 * break between its lines, or repeats a header on a new page. Pagination (trellis-pagination.c)
 * knows no kind by name; the page's header and footer are trellis-page-furniture.c.
 */
#pragma once

#include <pango/pangocairo.h>

#include "trellis-document.h"

G_BEGIN_DECLS

#define TRELLIS_MARGIN_X      56.0
#define TRELLIS_MARGIN_TOP    72.0
#define TRELLIS_MARGIN_BOTTOM 64.0
#define TRELLIS_CELL_PAD      4.0
#define TRELLIS_FONT_FAMILY   "Noto Sans, Noto Naskh Arabic, Noto Sans Bengali, DejaVu Sans"

typedef struct _TrellisBlock TrellisBlock;
typedef struct _TrellisTable TrellisTable;

/* Where a block, or the part of it on this page, is drawn */
typedef struct
{
  double x;      /* the block's top left */
  double y;
  double width;  /* the text's width */
  double from;   /* the part of the block's height shown: [from, to) */
  double to;
} TrellisBlockArea;

typedef struct
{
  /* Lays the block out for the text's width (and, for what cannot break, the most a page
   * holds): sets its layouts' widths and its height. */
  void (*measure)   (TrellisBlock *block,
                     double        width,
                     double        page_body_height);
  /* Draws the part of the block in @area. */
  void (*draw)      (TrellisBlock           *block,
                     cairo_t                *cr,
                     const TrellisBlockArea *area);
  /* Frees the kind's own data, if it has any. */
  void (*free_data) (gpointer      data);
} TrellisBlockClass;

struct _TrellisBlock
{
  const TrellisBlockClass *klass;
  GPtrArray               *layouts;        /* PangoLayout, in the kind's own order */
  gpointer                 data;           /* the kind's own, freed by klass->free_data */
  double                   height;         /* measured, without spacing */
  double                   space_before;
  double                   space_after;
  gboolean                 keep_with_next; /* never the last thing on a page: a heading */
  gboolean                 splits_by_line; /* may break between the lines of its first layout */
  TrellisBlock            *repeat_header;  /* drawn again at the top of a page it continues on */
};

/* One block, or a run of a paragraph's lines, at a place on a page. */
typedef struct
{
  guint         page;
  double        y;
  TrellisBlock *block;
  double        from;  /* the part of the block shown: [from, to) in points */
  double        to;
} TrellisPlacement;

struct _TrellisDocument
{
  GObject       parent_instance;

  char         *title;
  char         *header_left;
  char         *header_right;
  char         *footer_left;
  GDateTime    *printed;
  double        page_width;
  double        page_height;

  PangoContext *context;
  GPtrArray    *blocks;      /* TrellisBlock */
  TrellisTable *open_table;  /* the table that rows are added to, until another kind of block */
  GArray       *placements;  /* TrellisPlacement */
  guint         n_pages;
  gboolean      paginated;
};

double        trellis_document_get_text_width (TrellisDocument         *self);
PangoLayout  *trellis_document_make_layout    (TrellisDocument         *self,
                                               const char              *text,
                                               const char              *font,
                                               double                   width,
                                               gboolean                 follow_text_direction);
TrellisBlock *trellis_document_append_block   (TrellisDocument         *self,
                                               const TrellisBlockClass *klass);
PangoLayout  *trellis_block_add_text          (TrellisBlock            *block,
                                               TrellisDocument         *self,
                                               const char              *text,
                                               const char              *font,
                                               gboolean                 follow_text_direction);
void          trellis_document_draw_furniture (TrellisDocument         *self,
                                               cairo_t                 *cr,
                                               guint                    page);

double        trellis_layout_get_height       (PangoLayout             *layout);
void          trellis_layout_show_at          (cairo_t                 *cr,
                                               PangoLayout             *layout,
                                               double                   x,
                                               double                   y);

G_END_DECLS
