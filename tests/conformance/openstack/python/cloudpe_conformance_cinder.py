"""Cinder's FakeLoggingVolumeDriver with image copies that touch no block device."""
import io

from oslo_log import log as logging
from cinder.tests.fake_driver import FakeLoggingVolumeDriver

LOG = logging.getLogger(__name__)


class ConformanceVolumeDriver(FakeLoggingVolumeDriver):
    def copy_image_to_volume(self, context, volume, image_service, image_id, *args, **kwargs):
        # Read the image so Glance is exercised like a real copy, but write nothing.
        size = sum(len(chunk) for chunk in image_service.download(context, image_id))
        LOG.info("read %d bytes of image %s for volume %s", size, image_id, volume.id)

    def copy_volume_to_image(self, context, volume, image_service, image_meta):
        image_service.update(context, image_meta['id'], {}, io.BytesIO(b'\0' * 1024))

    def extend_volume(self, volume, new_size):
        # The LVM parent calls a FakeBrickLVM that cannot extend; the size lives in Cinder's DB only.
        LOG.info("extended volume %s to %s GB", volume.id, new_size)
