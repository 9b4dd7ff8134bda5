"""The Peta page: the folium map, its figures and the accessible unit list beside it."""
