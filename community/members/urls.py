"""Mounted at /compte/ (and /en/compte/) inside i18n_patterns, before Wagtail's pages."""

from django.urls import include, path

from community.members import views

urlpatterns = [
    path("", views.account_home, name="account_home"),
    path("profil/", views.profile_edit, name="account_profile"),
    path("mes-donnees/", views.export_data, name="account_export"),
    path("mes-donnees/effacer/", views.erase_records, name="account_erase_records"),
    path("supprimer/", views.delete_account, name="account_delete"),
    path("supprime/", views.account_deleted, name="account_deleted"),
    path("", include("allauth.urls")),
]
