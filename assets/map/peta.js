/* The Peta map's load check, run inside streamlit-folium's frame before Leaflet is loaded.

   streamlit-folium loads the map's scripts one after another and gives up silently at the first that fails, which
   leaves its frame 0 px tall. This script instead puts a notice where the map would be (the text comes in the
   user's language as this script's ?teks= parameter) when a script or stylesheet of the map fails to load, when
   the map's own script fails, or when there is still no map after WAIT_MS (a request that hangs); and takes the
   notice away if the map appears after all. Once the map is drawn, later errors are not its business. */
(function () {
    var WAIT_MS = 20000;
    var text = new URL(document.currentScript.src).searchParams.get('teks') || 'Peta tidak dapat dimuat.';
    var notice = null;

    function mapDrawn() {
        return Boolean(window.map);
    }

    function setHeight(height) {
        if (window.Streamlit) window.Streamlit.setFrameHeight(height);
    }

    function show() {
        if (notice || mapDrawn()) return;
        notice = document.createElement('div');
        notice.id = 'peta-gagal';
        notice.setAttribute('role', 'alert');
        notice.textContent = text;  // text, never HTML
        notice.style.cssText = 'box-sizing:border-box;margin:0;padding:1rem 1.25rem;border:1px solid #8a96a3;'
            + 'border-radius:.5rem;background:#f1f5f8;color:#0b0e12;font:1rem/1.5 sans-serif';
        document.body.insertBefore(notice, document.body.firstChild);
        setHeight(Math.ceil(notice.getBoundingClientRect().bottom) + 8);  // below the body's own margin
        var watch = setInterval(function () {
            if (!mapDrawn()) return;
            clearInterval(watch);
            notice.remove();
        }, 1000);
    }

    window.addEventListener('error', function (event) {
        var element = event.target;
        if (element && (element.tagName === 'SCRIPT' || element.tagName === 'LINK')) {
            show();  // a file that did not load (a resource's error event does not bubble: caught here)
        } else if (event instanceof ErrorEvent) {
            show();  // a script that loaded but failed, before the map was drawn
        }
    }, true);
    setTimeout(show, WAIT_MS);
})();
